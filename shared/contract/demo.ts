import { z } from 'zod';
import { call } from './define.ts';
import type { WorkspaceInfo } from './workspace.ts';

export const demoCalls = {
  /**
   * Builds the demo workspace by importing the bundled sample exports (in the worker, reporting
   * `job:progress` with kind `demo:create`), marks it as demo and opens it. With no path it goes in
   * the user's documents/config folder; an existing demo workspace there is rebuilt.
   */
  'demo:create': call<WorkspaceInfo>()(z.object({ path: z.string().min(1).optional() }).strict()),
};
