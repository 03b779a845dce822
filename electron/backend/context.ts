import type { AppInfo } from '../../shared/contract/app.ts';
import { userError } from '../../shared/contract/errors.ts';
import type { EventMap, EventName } from '../../shared/contract/events.ts';
import type { Db } from './db/connection.ts';
import { closeWorkerConnection } from './metrics/query-pool.ts';
import type { SettingsStore } from './settings-store.ts';

/** What the process hosting the backend provides (Electron main, the loopback bridge, the CLI, tests). */
export interface BackendHost {
  transport: AppInfo['transport'];
  settings: SettingsStore;
  /** Pushes an event to the UI, where there is one. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** Native file dialog (Electron only). */
  pickPath?(mode: 'create' | 'open'): Promise<string | null>;
  /** Opens an http(s) link in the system browser (Electron only). */
  openExternal?(url: string): Promise<void>;
}

/** An open workspace: its file and the backend's own (UI-side) connection. */
export interface WorkspaceSession {
  path: string;
  db: Db;
}

/** The state every handler sees. */
export class HandlerContext {
  readonly host: BackendHost;
  session: WorkspaceSession | null = null;

  constructor(host: BackendHost) {
    this.host = host;
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
    await closeWorkerConnection(session.path);
  }
}
