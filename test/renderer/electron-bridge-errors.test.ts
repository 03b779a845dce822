import { describe, expect, it } from 'vitest';
import { AppError, callNames, type Bridge } from '../../shared/contract/index.ts';
import { withAppErrors } from '../../renderer/data/api.ts';

/** A bridge shaped like the preload's after contextBridge: rejections are plain objects. */
function electronLikeBridge(rejection: unknown): Bridge {
  const call = {} as Record<string, () => Promise<unknown>>;
  for (const name of callNames) call[name] = () => Promise.reject(rejection);
  return { call: call as unknown as Bridge['call'], pathForFile: () => '/dropped.csv', on: () => () => {} };
}

describe('the renderer over the Electron preload', () => {
  it('rebuilds an AppError with its code and details from the plain shape the preload rejects with', async () => {
    const bridge = withAppErrors(electronLikeBridge({ code: 'no-workspace', message: 'No workspace is open.', details: { a: 1 } }));
    const error = await bridge.call['workspace:current']({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'no-workspace', message: 'No workspace is open.', details: { a: 1 } });
  });

  it('passes other errors through unchanged and keeps pathForFile', async () => {
    const original = new Error('IPC channel closed');
    const bridge = withAppErrors(electronLikeBridge(original));
    await expect(bridge.call['app:info']({})).rejects.toBe(original);
    expect(bridge.pathForFile({})).toBe('/dropped.csv');
  });
});
