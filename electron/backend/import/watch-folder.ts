import fs from 'node:fs';
import path from 'node:path';
import type { WatchFolderState } from '../../../shared/contract/imports.ts';
import type { HandlerContext } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { getMeta, setMeta } from '../db/meta-repo.ts';
import { insertWatchLog, watchLogHas } from '../db/watch-repo.ts';
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

/**
 * Polls the open workspace's watched folder: a file whose size and time stayed the same over two
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
