import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadToBridge } from '../../renderer/data/api.ts';
import { userError, describeError } from '../../shared/contract/errors.ts';

afterEach(() => vi.unstubAllGlobals());

describe('an upload the bridge refuses', () => {
  it('comes back as the bridge’s own keyed error (413: the limit), worded in Korean', async () => {
    const refusal = userError('too-large', 'bridge.upload-too-large', { limit: '4 GiB' });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ok: false, error: refusal.toShape() }), {
      status: 413,
      headers: { 'content-type': 'application/json' },
    }));
    sessionStorage.setItem('notice-desk-token', 't');
    const error = await uploadToBridge(new File(['x'], 'big.csv')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too-large', key: 'bridge.upload-too-large' });
    expect(describeError(error, 'ko').message).toBe(describeError(refusal, 'ko').message);
  });

  it('returns the path of the uploaded copy', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ok: true, value: { path: '/tmp/up/1/a.csv' } }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    }));
    expect(await uploadToBridge(new File(['x'], 'a.csv'))).toBe('/tmp/up/1/a.csv');
  });
});
