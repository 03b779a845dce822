import fs from 'node:fs';
import { AppError, userError } from '../../../shared/contract/errors.ts';
import type { workspaceCalls } from '../../../shared/contract/workspace.ts';
import type { HandlerContext, WorkspaceSession } from '../context.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { runJob, type RunJobOptions } from '../jobs/run-job.ts';
import { listWorkspaceFiles, workspaceFileForName } from '../paths/workspace-names.ts';
import { checkWarehouseConfig, warehouseConfig } from '../warehouse/config.ts';
import { CheckedWarehouse, initWarehouseWorkspace } from '../warehouse/init.ts';
import { findPassword, secretKey } from '../warehouse/password.ts';
import { describeWorkspace, openWorkspaceSession } from '../workspace.ts';
import { isValidTimeZone } from '../../../shared/time-zone.ts';
import type { HandlersFor } from './types.ts';
import { isWarehouseSession } from '../warehouse/session.ts';

/** Makes `session` the open workspace: closes the previous one, records it in recent workspaces, tells the UI. */
async function adopt(ctx: HandlerContext, session: WorkspaceSession) {
  await ctx.close();
  ctx.session = session;
  const settings = ctx.host.settings.get();
  const recent = [session.path, ...settings.recentWorkspaces.filter((p) => p !== session.path)].slice(0, 10);
  ctx.host.settings.set({ recentWorkspaces: recent });
  ctx.host.emit('workspace:changed', { path: session.path });
  return describeWorkspace(session);
}

const migrateProgress = (ctx: HandlerContext): RunJobOptions => ({
  onProgress: (report) => ctx.host.emit('job:progress', { kind: 'workspace:migrate', ...report }),
});

/**
 * Opens or creates, records it in recent workspaces, and tells the UI. The path must pass the
 * host's path policy (chosen in a dialog, recent, or browser mode's workspaces folder).
 */
async function switchTo(ctx: HandlerContext, requested: string, mode: 'create' | 'open') {
  const file = ctx.paths.check(requested, mode === 'create' ? 'workspace-create' : 'workspace-open');
  const session = await openWorkspaceSession(file, mode, migrateProgress(ctx));
  return adopt(ctx, session);
}

/** Removes a workspace file that could not be opened after it was made, with its journal files. */
function removeWorkspaceFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

const isZoneMismatch = (error: unknown) => error instanceof AppError && error.key === 'warehouse.zone-mismatch';

export const workspaceHandlers: HandlersFor<keyof typeof workspaceCalls> = {
  'workspace:create': (input, ctx) =>
    switchTo(ctx, 'name' in input ? workspaceFileForName(ctx.paths, input.name) : input.path, 'create'),
  'workspace:connectWarehouse': async (input, ctx) => {
    // The caller's path first, before anything connects or is made (docs/security.md).
    const file = ctx.paths.check('name' in input ? workspaceFileForName(ctx.paths, input.name) : input.path, 'workspace-create');
    const shards = input.shards ?? [];
    if (shards.length > 0 && !input.cluster) throw userError('bad-input', 'warehouse.shards-need-cluster');
    const config = checkWarehouseConfig({ url: input.url, database: input.database, user: input.user, cluster: input.cluster ?? null, shards });
    const secrets = ctx.host.secrets;
    // No password typed: the environment's or the keychain's, else none (a user without one is legal).
    const password = input.password ?? findPassword(config, { secrets }) ?? '';
    const zone = ctx.host.settings.get().timeZone;
    try {
      await initWarehouseWorkspace(file, config, password, { timeZone: zone });
    } catch (error) {
      // A warehouse already keeps its days in another zone: the workspace takes the warehouse's.
      if (!isZoneMismatch(error)) throw error;
      await initWarehouseWorkspace(file, config, password, {});
    }
    let session: WorkspaceSession;
    try {
      session = await openWorkspaceSession(file, 'open', migrateProgress(ctx));
    } catch (error) {
      removeWorkspaceFile(file);
      throw error;
    }
    // The connection that just worked serves the session; the password is kept only once it did.
    session.warehouse = new CheckedWarehouse(config, password, workspaceTimeZone(session.db));
    if (input.password !== undefined) secrets?.set(secretKey(config), input.password, { remember: input.remember });
    return adopt(ctx, session);
  },
  'workspace:setWarehousePassword': async (input, ctx) => {
    const session = ctx.workspace();
    const config = session.reviewFile ? null : warehouseConfig(session.db);
    if (config === null) throw userError('bad-input', 'warehouse.not-warehouse-workspace');
    const wh = new CheckedWarehouse(config, input.password, workspaceTimeZone(session.db));
    try {
      // Checked against the server (and the warehouse's schema and zone) before it is kept.
      await wh.ready();
    } catch (error) {
      await wh.close();
      throw error;
    }
    ctx.host.secrets?.set(secretKey(config), input.password, { remember: input.remember });
    const previous = session.warehouse;
    session.warehouse = wh;
    await previous?.close();
    ctx.host.emit('data:changed', { reason: 'warehousePassword' });
    return describeWorkspace(session);
  },
  'workspace:passwordStorage': (_input, ctx) => ({ persistent: ctx.host.secrets?.persistent() ?? false }),
  'workspace:open': (input, ctx) => switchTo(ctx, input.path, 'open'),
  'workspace:list': (_input, ctx) => listWorkspaceFiles(ctx.paths),
  'workspace:close': async (_input, ctx) => {
    await ctx.close();
    ctx.host.emit('workspace:changed', { path: null });
    return null;
  },
  'workspace:current': (_input, ctx) => (ctx.session ? describeWorkspace(ctx.session) : null),
  'workspace:setTimeZone': async (input, ctx) => {
    if (!isValidTimeZone(input.timeZone)) {
      throw userError('bad-input', 'workspace.bad-time-zone', { zone: input.timeZone });
    }
    const session = ctx.workspace();
    // A ClickHouse workspace's days are the warehouse's, in the zone it was made with (docs/warehouse.md).
    if (isWarehouseSession(session)) {
      throw userError('bad-input', 'warehouse.zone-fixed', { zone: workspaceTimeZone(session.db) });
    }
    // Rollups are keyed by local day: the worker stores the zone and rebuilds them in one transaction.
    await runJob('rollups:rebuild', { path: session.path, timeZone: input.timeZone }, {
      onProgress: (report) => ctx.host.emit('job:progress', { kind: 'rollups:rebuild', ...report }),
    });
    ctx.host.emit('data:changed', { reason: 'timeZone' });
    return describeWorkspace(session);
  },
  'workspace:pickPath': async (input, ctx) => (ctx.host.pickPath ? ctx.host.pickPath(input.mode) : null),
};
