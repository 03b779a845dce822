import { userError } from '../../../shared/contract/errors.ts';
import type { workspaceCalls } from '../../../shared/contract/workspace.ts';
import type { HandlerContext } from '../context.ts';
import { runJob } from '../jobs/run-job.ts';
import { listWorkspaceFiles, workspaceFileForName } from '../paths/workspace-names.ts';
import { describeWorkspace, openWorkspaceSession } from '../workspace.ts';
import { isValidTimeZone } from '../../../shared/time-zone.ts';
import type { HandlersFor } from './types.ts';

/**
 * Opens or creates, records it in recent workspaces, and tells the UI. The path must pass the
 * host's path policy (chosen in a dialog, recent, or browser mode's workspaces folder).
 */
async function switchTo(ctx: HandlerContext, requested: string, mode: 'create' | 'open') {
  const file = ctx.paths.check(requested, mode === 'create' ? 'workspace-create' : 'workspace-open');
  const session = await openWorkspaceSession(file, mode, {
    onProgress: (report) => ctx.host.emit('job:progress', { kind: 'workspace:migrate', ...report }),
  });
  await ctx.close();
  ctx.session = session;
  const settings = ctx.host.settings.get();
  const recent = [session.path, ...settings.recentWorkspaces.filter((p) => p !== session.path)].slice(0, 10);
  ctx.host.settings.set({ recentWorkspaces: recent });
  ctx.host.emit('workspace:changed', { path: session.path });
  return describeWorkspace(session);
}

export const workspaceHandlers: HandlersFor<keyof typeof workspaceCalls> = {
  'workspace:create': (input, ctx) =>
    switchTo(ctx, 'name' in input ? workspaceFileForName(ctx.paths, input.name) : input.path, 'create'),
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
    // Rollups are keyed by local day: the worker stores the zone and rebuilds them in one transaction.
    await runJob('rollups:rebuild', { path: session.path, timeZone: input.timeZone }, {
      onProgress: (report) => ctx.host.emit('job:progress', { kind: 'rollups:rebuild', ...report }),
    });
    ctx.host.emit('data:changed', { reason: 'timeZone' });
    return describeWorkspace(session);
  },
  'workspace:pickPath': async (input, ctx) => (ctx.host.pickPath ? ctx.host.pickPath(input.mode) : null),
};
