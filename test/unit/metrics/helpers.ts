import fs from 'node:fs';
import path from 'node:path';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { importFiles, type ImportFilesOptions } from '../../../electron/backend/import/import-files.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { afterEach } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

/**
 * A fresh workspace opened through the real handlers, with a helper to import canonical CSV text.
 * Its connection is closed after the test.
 */
export async function workspace() {
  const dir = tempDir('metrics-');
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  const api = inProcessApi(ctx);
  const file = path.join(dir, 'w.sqlite');
  await api['workspace:create']({ path: file });
  let n = 0;
  /** Imports canonical CSV text through the real import path; fails the test on any reject. */
  const load = async (csv: string, options: ImportFilesOptions = {}) => {
    const f = path.join(dir, `in-${++n}.csv`);
    fs.writeFileSync(f, csv);
    const [result] = await importFiles(ctx.workspace().db, [f], options);
    if (!result || result.error || result.rejected > 0) throw new Error(`import failed: ${JSON.stringify(result)}`);
    return result;
  };
  open.push(() => ctx.close());
  return { ctx, api, db: () => ctx.workspace().db, load, dir, file, close: () => ctx.close() };
}

/** A notifications CSV from rows [event_id, sent_at, recipient, sender, status, bytes?, network?, category?, template?]. */
export function notifications(rows: (string | number | null)[][]): string {
  const header = 'event_id,sent_at,recipient_id,sender_id,status,bytes,network,category,template_id';
  return [header, ...rows.map((r) => Array.from({ length: 9 }, (_, i) => r[i] ?? '').join(','))].join('\n') + '\n';
}

/** A consent CSV from rows [event_id, occurred_at, recipient, sender ('' = platform), action]. */
export function consent(rows: string[][]): string {
  return ['event_id,occurred_at,recipient_id,sender_id,action', ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** A URL CSV from rows [event_id, occurred_at, url, action]. */
export function urls(rows: string[][]): string {
  return ['event_id,occurred_at,url,action', ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** A seeded generator, so a failure can be replayed. */
export { prng } from '../../../shared/random.ts';
