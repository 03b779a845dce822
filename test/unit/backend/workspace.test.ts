import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { migrate, schemaVersion } from '../../../electron/backend/db/migrate.ts';
import { latestVersion, migrations } from '../../../electron/backend/db/migrations/index.ts';
import type { Migration } from '../../../electron/backend/db/migrations/types.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

function makeApi() {
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  return { ctx, api: inProcessApi(ctx) };
}

describe('workspace lifecycle', () => {
  it('creates a workspace in the worker with the canonical tables, WAL and the latest schema', async () => {
    const { ctx, api } = makeApi();
    const file = path.join(tempDir(), 'a.sqlite');
    const info = await api['workspace:create']({ path: file });
    expect(info.schemaVersion).toBe(latestVersion);
    expect(info.timeZone).toBe('Asia/Seoul');
    const db = ctx.workspace().db;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['notifications', 'consent', 'urls', 'imports', 'rejects']),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    await ctx.close();
  });

  it('refuses a workspace written by a newer app and leaves the file byte-for-byte untouched', async () => {
    const { api } = makeApi();
    const file = path.join(tempDir(), 'new.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${latestVersion + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fs.readFileSync(file);
    await expect(api['workspace:open']({ path: file })).rejects.toMatchObject({ code: 'workspace-too-new' });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses to create a workspace over a file that is not one', async () => {
    const { api } = makeApi();
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'precious notes');
    await expect(api['workspace:create']({ path: file })).rejects.toMatchObject({ code: 'not-a-workspace' });
    expect(fs.readFileSync(file, 'utf8')).toBe('precious notes');
  });

  it('backs up a workspace before migrating it and keeps the last good version when a step fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const db = openDatabase(file);
    await migrate(db, file);
    db.prepare("INSERT INTO workspace_meta(key, value) VALUES ('k', '1')").run();
    const failing: Migration = {
      version: latestVersion + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done(x)');
        throw new Error('boom');
      },
    };
    await expect(migrate(db, file, undefined, [...migrations, failing])).rejects.toThrow('boom');
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name='half_done'").get()).toEqual({ n: 0 });
    const backups = fs.readdirSync(dir).filter((f) => f.includes(`.backup-v${latestVersion}-`));
    expect(backups).toHaveLength(1);
    const copy = openDatabase(path.join(dir, backups[0]!), { readonly: true });
    expect(copy.prepare("SELECT value FROM workspace_meta WHERE key='k'").get()).toEqual({ value: '1' });
    copy.close();
    db.close();
  });

  it('rejects a bad payload with a typed error before any handler runs', async () => {
    const { api } = makeApi();
    await expect(api['workspace:open']({ path: '' })).rejects.toMatchObject({ code: 'bad-input' });
  });
});
