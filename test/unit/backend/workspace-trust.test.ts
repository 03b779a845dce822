import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { migrate } from '../../../electron/backend/db/migrate.ts';
import { latestVersion, migrations } from '../../../electron/backend/db/migrations/index.ts';
import { schemaDifferences } from '../../../electron/backend/db/schema-check.ts';
import { rebuildViolations } from '../../../electron/backend/rollups/index.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { openWorkspaceInProcess } from '../../../electron/backend/workspace.ts';
import { describeError } from '../../../shared/contract/errors.ts';
import { notifications } from '../metrics/helpers.ts';
import { tempDir } from '../helpers/tmp.ts';

function makeApi(transport: 'in-process' | 'browser' = 'in-process') {
  const ctx = new HandlerContext({ transport, settings: new MemorySettingsStore(), emit: () => {} });
  return { ctx, api: inProcessApi(ctx) };
}

const SENDS = notifications([
  ['n1', '2016-03-01T09:00:00+09:00', 'r1', 'shop', 'delivered', 2048],
  ['n2', '2016-03-02T09:00:00+09:00', 'r2', 'shop', 'delivered', 4096],
]);

/** A workspace made by the app, with two sends imported, closed again. */
async function madeByTheApp(): Promise<{ dir: string; file: string }> {
  const dir = tempDir('trust-');
  const file = path.join(dir, 'shared.sqlite');
  const { ctx, api } = makeApi();
  await api['workspace:create']({ path: file });
  fs.writeFileSync(path.join(dir, 'sends.csv'), SENDS);
  const [result] = await importFiles(ctx.workspace().db, [path.join(dir, 'sends.csv')]);
  expect(result?.imported).toBe(2);
  await ctx.close();
  return { dir, file };
}

/** Edits a workspace the way someone else's tool could: a plain SQLite connection, no app code. */
function tamper(file: string, sql: string): Buffer {
  const db = new Database(file);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  return fs.readFileSync(file);
}

describe('a workspace file from someone else', () => {
  it('refuses a workspace with an added trigger that rewrites imported rows, naming it, in both languages, file untouched', async () => {
    const { file } = await madeByTheApp();
    const before = tamper(
      file,
      `CREATE TRIGGER zero_bytes AFTER INSERT ON notifications BEGIN
         UPDATE notifications SET bytes = 0 WHERE rowid = new.rowid;
       END;`,
    );
    const { api, ctx } = makeApi();
    const error = await api['workspace:open']({ path: file }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'untrusted-workspace', key: 'workspace.untrusted-objects' });
    const shape = error as { message: string; key: string; params: Record<string, string> };
    expect(shape.message).toContain('TRIGGER zero_bytes ON notifications');
    expect(shape.message).toContain('shared.sqlite');
    expect(describeError(shape, 'ko').message).toContain('워크스페이스를 열지 않았습니다');
    expect(describeError(shape, 'ko').message).toContain('TRIGGER zero_bytes ON notifications');
    expect(ctx.session).toBeNull();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The CLI's way in refuses it too, before any migration or import could fire the trigger.
    await expect(openWorkspaceInProcess(file)).rejects.toMatchObject({ code: 'untrusted-workspace' });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('names every added view and table and every changed or removed definition', async () => {
    const { file } = await madeByTheApp();
    tamper(
      file,
      `CREATE VIEW everything AS SELECT * FROM notifications;
       CREATE TABLE extra (x);
       DROP INDEX consent_by_recipient;
       CREATE INDEX consent_by_recipient ON consent (sender_id);`,
    );
    const db = openDatabase(file, { readonly: true });
    try {
      const diff = schemaDifferences(db);
      expect(diff.unknown.sort()).toEqual(['TABLE extra', 'VIEW everything']);
      expect(diff.changed).toEqual(['INDEX consent_by_recipient ON consent']);
      expect(diff.missing).toEqual([]);
    } finally {
      db.close();
    }
    const { api } = makeApi();
    await expect(api['workspace:open']({ path: file })).rejects.toMatchObject({ code: 'untrusted-workspace' });
  });

  it('refuses a workspace that lacks one of the app’s own objects', async () => {
    const { file } = await madeByTheApp();
    tamper(file, 'DROP INDEX consent_by_recipient;');
    const { api } = makeApi();
    await expect(api['workspace:open']({ path: file })).rejects.toThrow('INDEX consent_by_recipient ON consent');
  });

  it('still opens (and migrates) a clean workspace made by an earlier version, and ignores ANALYZE statistics', async () => {
    const dir = tempDir('trust-');
    const file = path.join(dir, 'old.sqlite');
    const db = openDatabase(file);
    await migrate(db, file, undefined, migrations.slice(0, -1));
    db.exec('ANALYZE');
    db.close();
    const { api, ctx } = makeApi();
    const info = await api['workspace:open']({ path: file });
    expect(info.schemaVersion).toBe(latestVersion);
    expect(schemaDifferences(ctx.workspace().db)).toEqual({ unknown: [], changed: [], missing: [] });
    await ctx.close();
  });

  it('opens every connection with trusted_schema off and keeps the app’s SQL function out of stored SQL', async () => {
    const { file } = await madeByTheApp();
    const db = openDatabase(file);
    try {
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      rebuildViolations(db);
      // The function exists on this connection now; it may be called directly but not from stored SQL.
      expect(db.prepare('SELECT nd_local_day(0) AS d').get()).toHaveProperty('d');
      db.exec('CREATE VIEW days AS SELECT nd_local_day(sent_at) AS d FROM notifications');
      expect(() => db.prepare('SELECT * FROM days').all()).toThrow(/unsafe use of nd_local_day/);
    } finally {
      db.close();
    }
  });
});

/** The files this process holds open (Linux: every thread, the query worker included, shares them). */
function openFiles(): string[] {
  const out: string[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      out.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // closed while listing
    }
  }
  return out;
}

const handlesTest = process.platform === 'linux' ? it : it.skip;

describe('closing a workspace leaves no handle to it', () => {
  handlesTest('closes the backend’s and the metrics query worker’s connections on close and on switch', async () => {
    const { dir, file } = await madeByTheApp();
    const real = fs.realpathSync(file);
    const held = () => openFiles().filter((f) => f === real || f === `${real}-wal` || f === `${real}-shm`);
    const { api } = makeApi('browser');
    await api['workspace:open']({ path: file });
    const volume = await api['metrics:volume']({ from: '2016-03-01', to: '2016-03-31', by: 'day' });
    expect(volume).toBeTruthy();
    // The UI connection and the worker's read-only one.
    expect(held().length).toBeGreaterThan(0);
    const other = path.join(dir, 'other.sqlite');
    await api['workspace:create']({ path: other });
    expect(held()).toEqual([]);
    await api['workspace:open']({ path: file });
    await api['metrics:volume']({ from: '2016-03-01', to: '2016-03-31', by: 'day' });
    await api['workspace:close']({});
    expect(held()).toEqual([]);
    // Nothing holds it: it can be renamed and deleted.
    fs.renameSync(file, `${file}.moved`);
    fs.rmSync(`${file}.moved`);
  });
});
