import { describe, expect, it } from 'vitest';
import { workspace } from '../metrics/helpers.ts';

describe('the time zone of a ClickHouse workspace', () => {
  it('is the warehouse’s: changing it is refused with a message naming the zone, and nothing changes', async () => {
    const w = await workspace({ engine: 'chdb' });
    await expect(w.api['workspace:setTimeZone']({ timeZone: 'Europe/Paris' })).rejects.toMatchObject({
      code: 'bad-input',
      key: 'warehouse.zone-fixed',
      message: expect.stringContaining('Asia/Seoul'),
    });
    expect((await w.api['workspace:current']({}))?.timeZone).toBe('Asia/Seoul');
  });

  it('is still changeable on a local workspace', async () => {
    const w = await workspace();
    expect((await w.api['workspace:setTimeZone']({ timeZone: 'Europe/Paris' })).timeZone).toBe('Europe/Paris');
  });
});
