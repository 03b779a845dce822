import { AppError } from '../../../shared/contract/errors.ts';
import type { HandlersFor } from './types.ts';

/** The evidence pack's calls (docs/evidence.md). */
export const evidenceHandlers: HandlersFor<'evidence:write' | 'evidence:verify'> = {
  'evidence:write': () => {
    throw new AppError('internal', 'The evidence pack is being built (issue #15).');
  },
  'evidence:verify': () => {
    throw new AppError('internal', 'The evidence pack is being built (issue #15).');
  },
};
