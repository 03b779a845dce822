import type { InputOf } from '../../../shared/contract/index.ts';

/** What the connect dialog holds (the password only until it is sent). */
export interface ConnectForm {
  /** Electron: the file the native save dialog picked. */
  file: string | null;
  /** Browser mode: a name in its workspaces folder. */
  name: string;
  url: string;
  database: string;
  user: string;
  cluster: string;
  /** Every shard's HTTP address, one per line (a cluster without distributed DDL). */
  shards: string;
  password: string;
  remember: boolean;
}

export type ConnectField = 'file' | 'name' | 'url' | 'database' | 'user' | 'cluster' | 'shards' | 'password';
export type ConnectProblem = 'fileRequired' | 'nameRequired' | 'urlRequired' | 'badUrl' | 'badName' | 'userRequired' | 'badShard' | 'shardsNeedCluster';

export const DEFAULT_DATABASE = 'notice_desk';
const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The form's starting values. */
export function emptyConnectForm(remember: boolean): ConnectForm {
  return { file: null, name: '', url: '', database: DEFAULT_DATABASE, user: 'default', cluster: '', shards: '', password: '', remember };
}

/** An http(s) address with no user name, password, query or fragment in it (the backend checks again). */
export function isWarehouseUrl(text: string): boolean {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash;
}

/** The shard addresses of the form: one per line, blank lines left out. */
export function shardLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** What is wrong with each field, before anything is sent (empty: nothing). */
export function connectProblems(form: ConnectForm, electron: boolean): Partial<Record<ConnectField, ConnectProblem>> {
  const out: Partial<Record<ConnectField, ConnectProblem>> = {};
  if (electron && !form.file) out.file = 'fileRequired';
  if (!electron && !form.name.trim()) out.name = 'nameRequired';
  if (!form.url.trim()) out.url = 'urlRequired';
  else if (!isWarehouseUrl(form.url)) out.url = 'badUrl';
  if (form.database.trim() && !IDENT.test(form.database.trim())) out.database = 'badName';
  if (!form.user.trim()) out.user = 'userRequired';
  if (form.cluster.trim() && !IDENT.test(form.cluster.trim())) out.cluster = 'badName';
  const shards = shardLines(form.shards);
  if (shards.some((s) => !isWarehouseUrl(s))) out.shards = 'badShard';
  else if (shards.length > 0 && !form.cluster.trim()) out.shards = 'shardsNeedCluster';
  return out;
}

/** The call's input: the file (Electron) or name (browser mode), the trimmed fields; the password only when typed. */
export function connectInput(form: ConnectForm, electron: boolean): InputOf<'workspace:connectWarehouse'> {
  const fields = {
    url: form.url.trim(),
    database: form.database.trim() || DEFAULT_DATABASE,
    user: form.user.trim(),
    cluster: form.cluster.trim() || null,
    ...(shardLines(form.shards).length > 0 ? { shards: shardLines(form.shards) } : {}),
    remember: electron && form.remember,
    ...(form.password !== '' ? { password: form.password } : {}),
  };
  return electron ? { path: form.file!, ...fields } : { name: form.name.trim(), ...fields };
}

/** The field a backend error is about, to mark it (null: the error is not about one field). */
export function fieldOfError(error: unknown): ConnectField | null {
  const e = error as { key?: unknown; params?: { what?: unknown } } | null;
  switch (e?.key) {
    case 'warehouse.bad-url':
    case 'warehouse.unreachable':
      return 'url';
    case 'warehouse.auth':
      return 'password';
    case 'warehouse.bad-name':
      return e.params?.what === 'cluster' ? 'cluster' : e.params?.what === 'user' ? 'user' : 'database';
    case 'warehouse.shard-missing-tables':
      return 'cluster';
    case 'warehouse.shards-need-cluster':
      return 'shards';
    case 'paths.bad-workspace-name':
    case 'workspace.exists':
    case 'workspace.exists-not-workspace':
      return 'name';
    default:
      return null;
  }
}
