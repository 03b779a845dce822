import { AppError } from '../../../shared/contract/errors.ts';
import type { demoCalls } from '../../../shared/contract/demo.ts';
import type { HandlersFor } from './types.ts';

/** STUB: the demo workspace builder lands with the bundled sample exports. */
export const demoHandlers: HandlersFor<keyof typeof demoCalls> = {
  'demo:create': () => {
    throw new AppError('internal', 'The demo workspace is not available yet.');
  },
};
