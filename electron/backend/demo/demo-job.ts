import type { JobFn } from '../jobs/types.ts';
import { buildDemoWorkspace } from './build-demo.ts';

/** The worker job behind `demo:create`: builds the demo workspace file by importing the samples. */
export const demoCreateJob: JobFn<{ path: string }, { imported: number }> = async (params, progress) => {
  const results = await buildDemoWorkspace(params.path, progress);
  return { imported: results.reduce((sum, r) => sum + r.imported, 0) };
};
