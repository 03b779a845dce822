import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';
import { notifications } from './helpers.ts';

let ctx: HandlerContext | null = null;
afterEach(() => ctx?.close());

describe('metrics off the UI thread', () => {
  it('answers metric calls from the query worker in browser mode, seeing each committed import', async () => {
    ctx = new HandlerContext({ transport: 'browser', settings: new MemorySettingsStore(), emit: () => {} });
    const api = inProcessApi(ctx);
    const dir = tempDir('metrics-worker-');
    await api['workspace:create']({ path: path.join(dir, 'w.sqlite') });
    const file = path.join(dir, 'n.csv');
    fs.writeFileSync(file, notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    await importFiles(ctx.workspace().db, [file]);
    expect((await api['metrics:datacost']({})).totalBytes).toBe(15_360);
    fs.writeFileSync(file, notifications([['b', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    await importFiles(ctx.workspace().db, [file]);
    expect((await api['metrics:datacost']({})).totalBytes).toBe(15_360 + 2_048);
    await expect(api['metrics:volume']({ from: '2016-03-09', to: '2016-03-08' })).rejects.toMatchObject({ code: 'bad-input' });
  });
});
