import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WatchFolderState, WatchFolderView } from '../../../shared/contract/imports.ts';
import type { HandlerContext, WorkspaceSession } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { getMeta, setMeta } from '../db/meta-repo.ts';
import { insertWatchLog, watchLogHas } from '../db/watch-repo.ts';
import { workspaceId } from '../workspace-file.ts';
import { importQueue } from './import-queue.ts';

const KEY = 'watchFolder';
const INTERVAL_MS = 3000;
/** Files still being written by a browser or a sync client. */
const PARTIAL = /\.(part|crdownload|tmp|download)$|^~\$|^\./i;

/** The workspace's watched folder setting. */
export function getWatchFolder(db: Db): WatchFolderState {
  return getMeta<WatchFolderState>(db, KEY, { path: null, enabled: false });
}

/** Saves the watched folder setting. */
export function setWatchFolder(db: Db, state: WatchFolderState): WatchFolderState {
  setMeta(db, KEY, state);
  return state;
}

/** How many confirmations the settings keep (the oldest go first). */
const MAX_CONSENTS = 200;

/** A real path when there is one (so a renamed link does not count as another folder). */
function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Names "this folder, for this workspace file (by real path and random id), on this computer". */
function consentKey(session: WorkspaceSession, folder: string): string {
  return createHash('sha256')
    .update(`${real(session.path)}\u0000${workspaceId(session.db)}\u0000${real(folder)}`)
    .digest('hex');
}

/** True when the user confirmed, on this computer, that this workspace may watch `folder`. */
function isConfirmed(ctx: HandlerContext, session: WorkspaceSession, folder: string): boolean {
  return ctx.host.settings.get().watchConsents.includes(consentKey(session, folder));
}

/** Folders put off ("Not now") during this run, per backend host: asked again at the next launch. */
const putOff = new WeakMap<HandlerContext, Set<string>>();

/**
 * Records that the user chose the open workspace's watched folder on this computer (setting it
 * here, or answering "Watch" to the prompt), so it is polled from now on.
 */
export function rememberWatchConsent(ctx: HandlerContext): void {
  const session = ctx.workspace();
  const state = getWatchFolder(session.db);
  if (!state.path) return;
  const key = consentKey(session, state.path);
  const known = ctx.host.settings.get().watchConsents.filter((k) => k !== key);
  ctx.host.settings.set({ watchConsents: [key, ...known].slice(0, MAX_CONSENTS) });
}

/** The open workspace's watched folder, with whether this computer confirmed it and whether to ask. */
export function watchFolderView(ctx: HandlerContext): WatchFolderView {
  const session = ctx.workspace();
  const state = getWatchFolder(session.db);
  if (!state.path) return { ...state, confirmed: false, ask: false };
  const confirmed = isConfirmed(ctx, session, state.path);
  const postponed = putOff.get(ctx)?.has(consentKey(session, state.path)) ?? false;
  return { ...state, confirmed, ask: state.enabled && !confirmed && !postponed };
}

/** The answer to "watch the folder this workspace names, on this computer?". */
export function answerWatchPrompt(ctx: HandlerContext, watch: boolean): WatchFolderView {
  const session = ctx.workspace();
  const state = getWatchFolder(session.db);
  if (state.path) {
    if (watch) rememberWatchConsent(ctx);
    else {
      const set = putOff.get(ctx) ?? new Set<string>();
      set.add(consentKey(session, state.path));
      putOff.set(ctx, set);
    }
  }
  ensureWatcher(ctx).tick();
  return watchFolderView(ctx);
}

/**
 * Polls the open workspace's watched folder, once the user confirmed it on this computer: a file whose size and time stayed the same over two
 * polls, and that the log has not seen, is queued for import; the outcome goes to the log.
 */
class FolderWatcher {
  private readonly ctx: HandlerContext;
  private readonly timer: NodeJS.Timeout;
  private readonly lastSeen = new Map<string, string>();
  private readonly inFlight = new Set<string>();

  constructor(ctx: HandlerContext) {
    this.ctx = ctx;
    this.timer = setInterval(() => this.tick(), INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops polling. */
  stop(): void {
    clearInterval(this.timer);
  }

  /** One poll (also called right after the setting changes). */
  tick(): void {
    const session = this.ctx.session;
    if (!session) return;
    let state: WatchFolderState;
    try {
      state = getWatchFolder(session.db);
    } catch {
      return;
    }
    if (!state.enabled || !state.path || !fs.existsSync(state.path)) return;
    // A folder named by a workspace made elsewhere is not polled until the user confirms it here.
    if (!isConfirmed(this.ctx, session, state.path)) return;
    let names: string[];
    try {
      names = fs.readdirSync(state.path);
    } catch {
      return;
    }
    for (const name of names) {
      if (PARTIAL.test(name)) continue;
      const file = path.join(state.path, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        continue;
      }
      if (!stat.isFile()) continue;
      const key = `${name}\u001f${stat.size}\u001f${Math.round(stat.mtimeMs)}`;
      const previous = this.lastSeen.get(file);
      this.lastSeen.set(file, key);
      if (previous !== key || this.inFlight.has(key) || watchLogHas(session.db, key)) continue;
      this.inFlight.add(key);
      const workspace = session.path;
      importQueue(this.ctx).enqueue(workspace, file, name, {}, (result) => {
        this.inFlight.delete(key);
        const open = this.ctx.session;
        if (!open || open.path !== workspace) return;
        insertWatchLog(open.db, {
          fileName: name,
          fileKey: key,
          outcome: result.error ? (result.error.code === 'unsupported-format' ? 'refused' : 'failed') : 'imported',
          message: result.error
            ? result.error.message
            : `${result.imported} imported, ${result.duplicates} duplicates, ${result.rejected} rejected (${result.adapter})`,
          importId: result.importId,
        });
      });
    }
  }
}

const watchers = new WeakMap<HandlerContext, FolderWatcher>();

/** Starts (once per backend host) the watched-folder poller. */
export function ensureWatcher(ctx: HandlerContext): { tick(): void } {
  let w = watchers.get(ctx);
  if (!w) {
    w = new FolderWatcher(ctx);
    watchers.set(ctx, w);
  }
  return w;
}

/** Stops the watched-folder poller of a backend host (when the host shuts down). */
export function stopWatcher(ctx: HandlerContext): void {
  watchers.get(ctx)?.stop();
  watchers.delete(ctx);
}
