import fs from 'node:fs';
import type { AppInfo } from '../../shared/contract/app.ts';
import { userError } from '../../shared/contract/errors.ts';
import type { EventMap, EventName } from '../../shared/contract/events.ts';
import type { Db } from './db/connection.ts';
import { closeWorkerConnection } from './metrics/query-pool.ts';
import { allowAnyPath, type PathPolicy } from './paths/policy.ts';
import type { SettingsStore } from './settings-store.ts';
import type { Warehouse } from './warehouse/client.ts';
import type { SecretStore } from './warehouse/password.ts';

/** What the process hosting the backend provides (Electron main, the loopback bridge, the CLI, tests). */
export interface BackendHost {
  transport: AppInfo['transport'];
  settings: SettingsStore;
  /** Pushes an event to the UI, where there is one. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /**
   * Which caller paths are accepted (electron/backend/paths). Electron main and the bridge always
   * set one; without it (the CLI, in-process tests) any path goes, as the user typed it in a shell.
   */
  paths?: PathPolicy;
  /**
   * Where warehouse passwords typed in the app are kept: Electron, the OS keychain through
   * safeStorage (main/keychain.ts); browser mode, memory for the bridge's life. Absent in the CLI
   * and tests, which take a password from the environment or an owner-only file.
   */
  secrets?: SecretStore;
  /**
   * Native dialog (Electron only): a workspace file to create or open, or a folder to watch. The
   * host grants what the user picked to the path policy before returning it.
   */
  pickPath?(mode: PickMode): Promise<string | null>;
  /**
   * Native save dialog for an export (Electron only), suggesting `fileName`; the host grants the
   * chosen file for 'export' before returning it, or returns null when the user cancels.
   */
  pickSavePath?(fileName: string): Promise<string | null>;
  /** Opens an http(s) link in the system browser (Electron only). */
  openExternal?(url: string): Promise<void>;
}

/** An open workspace: its file and the backend's own (UI-side) connection. */
export interface WorkspaceSession {
  path: string;
  db: Db;
  /** Set when the session is a review file opened without a workspace (review/review-session.ts). */
  reviewFile?: { fileName: string; disclosureId: number; folder: string };
  /** The warehouse connection of a ClickHouse workspace, made on first use (warehouse/session.ts). */
  warehouse?: Warehouse;
}

/** What a native dialog picks: a workspace to create or open, or a folder to watch. */
export type PickMode = 'create' | 'open' | 'folder';

/** The state every handler sees. */
export class HandlerContext {
  readonly host: BackendHost;
  /** The host's path policy: every handler taking a path calls `paths.check(path, use)` first. */
  readonly paths: PathPolicy;
  session: WorkspaceSession | null = null;

  constructor(host: BackendHost) {
    this.host = host;
    this.paths = host.paths ?? allowAnyPath();
  }

  /** The open workspace, or a `no-workspace` error the UI can act on. */
  workspace(): WorkspaceSession {
    if (!this.session) {
      throw userError('no-workspace', 'workspace.none-open');
    }
    return this.session;
  }

  /**
   * Closes the open workspace: the backend's connection and the metrics query worker's. Resolves
   * when both are closed, so that no handle to the file is left (a rename or delete then works).
   */
  async close(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    session.db.close();
    await session.warehouse?.close();
    await closeWorkerConnection(session.path);
    // A review file's temporary workspace goes with its session (its contents are saved by the user).
    if (session.reviewFile) fs.rmSync(session.reviewFile.folder, { recursive: true, force: true });
  }
}
