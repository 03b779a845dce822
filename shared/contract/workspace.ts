import { z } from 'zod';
import { call } from './define.ts';

/** What the UI knows of the open workspace. */
export interface WorkspaceInfo {
  path: string;
  name: string;
  schemaVersion: number;
  timeZone: string;
  counts: { notifications: number; consent: number; urls: number; imports: number };
  /** True for the demo workspace built from the bundled samples. */
  demo: boolean;
  /** Set when a review file is open without a workspace (docs/review.md): its name and disclosure. */
  reviewFile: { fileName: string; disclosureId: number } | null;
  /** Set for a workspace whose events live in ClickHouse (docs/warehouse.md); never the password. */
  warehouse: WarehouseInfo | null;
}

/** Which warehouse a ClickHouse workspace reads: the server as shown (no credentials), database, user, cluster. */
export interface WarehouseInfo {
  url: string;
  database: string;
  user: string;
  cluster: string | null;
}

/** Where the host keeps a warehouse password the user enters. */
export interface PasswordStorage {
  /**
   * True when it can be kept beyond this run, encrypted by the system keychain (Electron with
   * `safeStorage` available); false: kept in memory while the app runs only (browser mode, or a
   * system without a keychain).
   */
  persistent: boolean;
}

/** Browser mode's workspaces folder and what is in it (Electron: no folder, the native dialogs choose). */
export interface WorkspaceListing {
  dir: string | null;
  files: { name: string; path: string; modifiedAt: number }[];
}

const pathInput = z.object({ path: z.string().min(1).max(4096) }).strict();

/** A path the user chose (Electron dialog, CLI), or (browser mode) a name in the private workspaces folder. */
const createInput = z.union([pathInput, z.object({ name: z.string().min(1).max(100) }).strict()]);

/** A warehouse password as typed (never logged, returned or written to the workspace or settings). */
const passwordField = z.string().max(4096);

/** The warehouse to connect to, as the connect dialog gives it (the backend validates each field again). */
const warehouseFields = {
  url: z.string().min(1).max(2048),
  database: z.string().max(200).optional(),
  user: z.string().max(200).optional(),
  cluster: z.string().max(200).nullable().optional(),
  /** Every shard's HTTP address (a cluster without distributed DDL): where tables are made and imports deleted. */
  shards: z.array(z.string().min(1).max(2048)).max(256).optional(),
  password: passwordField.optional(),
  /** Keep the password in the system keychain (Electron); otherwise for this run only. */
  remember: z.boolean(),
};

/** Where the new ClickHouse workspace's local file goes: as `workspace:create` (a picked path, or a name in browser mode). */
const connectInput = z.union([
  z.object({ path: z.string().min(1).max(4096), ...warehouseFields }).strict(),
  z.object({ name: z.string().min(1).max(100), ...warehouseFields }).strict(),
]);

export const workspaceCalls = {
  /**
   * Creates a new workspace file (refuses to overwrite a file that is not an empty workspace): at a
   * path the user chose in the host's dialog, or by name in browser mode's workspaces folder.
   */
  'workspace:create': call<WorkspaceInfo>()(createInput),
  /**
   * Makes a ClickHouse workspace (docs/warehouse.md): connects, creates the warehouse's tables where
   * missing, writes the local workspace file that points at it (nothing is left when any step
   * fails) and opens it. A password given is kept by the host (Electron: the system keychain when
   * `remember`, else for this run; browser mode: in memory while the bridge runs).
   */
  'workspace:connectWarehouse': call<WorkspaceInfo>()(connectInput),
  /**
   * The password of the open ClickHouse workspace's user, when it was missing or refused: checked
   * against the server first (a wrong one is refused and not kept), then kept as for connecting.
   */
  'workspace:setWarehousePassword': call<WorkspaceInfo>()(z.object({ password: passwordField, remember: z.boolean() }).strict()),
  /** Whether the host can keep a warehouse password beyond this run (the connect dialog says so). */
  'workspace:passwordStorage': call<PasswordStorage>()(z.object({}).strict()),
  /** Opens (and migrates, in a worker, after a backup) a workspace the user chose, a recent one, or (browser mode) one of the folder's. */
  'workspace:open': call<WorkspaceInfo>()(pathInput),
  /** Browser mode's workspaces folder and its workspaces (Electron: no folder). */
  'workspace:list': call<WorkspaceListing>()(z.object({}).strict()),
  /** Closes the open workspace, if any. */
  'workspace:close': call<null>()(z.object({}).strict()),
  /** The open workspace, or null. */
  'workspace:current': call<WorkspaceInfo | null>()(z.object({}).strict()),
  /** Sets the workspace's own time zone (buckets, dates). */
  'workspace:setTimeZone': call<WorkspaceInfo>()(z.object({ timeZone: z.string().min(1) }).strict()),
  /**
   * Asks the host for a path in a native dialog (Electron; null in browser mode): a workspace file to
   * create or open, or a folder to watch. Only a path picked here (or dropped) is accepted later.
   */
  'workspace:pickPath': call<string | null>()(z.object({ mode: z.enum(['create', 'open', 'folder']) }).strict()),
};
