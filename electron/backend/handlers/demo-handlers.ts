import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import type { demoCalls } from '../../../shared/contract/demo.ts';
import { openDatabase } from '../db/connection.ts';
import { getMeta } from '../db/meta-repo.ts';
import { isForeignFile } from '../db/migrate.ts';
import { runJob } from '../jobs/run-job.ts';
import { describeWorkspace, openWorkspaceSession } from '../workspace.ts';
import type { HandlersFor } from './types.ts';

/** Where the demo workspace goes by default: Documents/Notice Desk, else the user's config folder. */
export function defaultDemoPath(): string {
  if (process.env.NOTICE_DESK_DEMO_PATH) return process.env.NOTICE_DESK_DEMO_PATH;
  const documents = path.join(os.homedir(), 'Documents');
  const base = fs.existsSync(documents)
    ? path.join(documents, 'Notice Desk')
    : path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'notice-desk');
  return path.join(base, 'Notice Desk demo.sqlite');
}

/** A demo may replace an earlier demo, never a user's own workspace or any other file. */
function assertReplaceable(file: string): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  if (isForeignFile(file)) {
    throw userError('conflict', 'demo.not-a-workspace', { file }, { file });
  }
  const db = openDatabase(file, { readonly: true });
  try {
    if (!getMeta(db, 'demo', false)) {
      throw userError('conflict', 'demo.own-data', { file }, { file });
    }
  } finally {
    db.close();
  }
}

export const demoHandlers: HandlersFor<keyof typeof demoCalls> = {
  'demo:create': async (input, ctx) => {
    // A caller's path passes the path policy like any workspace to create; the default is the app's own.
    const file = path.resolve(input.path === undefined ? defaultDemoPath() : ctx.paths.check(input.path, 'workspace-create'));
    assertReplaceable(file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (ctx.session?.path === file) {
      await ctx.close();
      ctx.host.emit('workspace:changed', { path: null });
    }
    await runJob('demo:create', { path: file }, {
      onProgress: (report) => ctx.host.emit('job:progress', { kind: 'demo:create', ...report }),
    });
    const session = await openWorkspaceSession(file, 'open', {
      onProgress: (report) => ctx.host.emit('job:progress', { kind: 'workspace:migrate', ...report }),
    });
    await ctx.close();
    ctx.session = session;
    const settings = ctx.host.settings.get();
    ctx.host.settings.set({ recentWorkspaces: [session.path, ...settings.recentWorkspaces.filter((p) => p !== session.path)].slice(0, 10) });
    ctx.host.emit('workspace:changed', { path: session.path });
    ctx.host.emit('data:changed', { reason: 'demo' });
    return describeWorkspace(session);
  },
};
