import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import type { WorkspaceListing } from '../../../shared/contract/workspace.ts';
import type { PathPolicy } from './policy.ts';

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;

/**
 * The file of a workspace created by name in the policy's workspaces folder (browser mode):
 * `<dir>/<name>.sqlite`. A name with a separator, `..` or a leading dot is refused.
 */
export function workspaceFileForName(policy: PathPolicy, name: string): string {
  const trimmed = name.trim();
  if (!policy.workspacesDir) throw userError('bad-input', 'paths.name-needs-workspaces-folder', { name: trimmed });
  if (!NAME.test(trimmed) || trimmed.includes('..')) throw userError('bad-input', 'paths.bad-workspace-name', { name: trimmed });
  const file = trimmed.toLowerCase().endsWith('.sqlite') ? trimmed : `${trimmed}.sqlite`;
  fs.mkdirSync(policy.workspacesDir, { recursive: true, mode: 0o700 });
  return path.join(policy.workspacesDir, file);
}

/** The workspaces in the policy's workspaces folder, newest first (none outside browser mode). */
export function listWorkspaceFiles(policy: PathPolicy): WorkspaceListing {
  const dir = policy.workspacesDir;
  if (!dir) return { dir: null, files: [] };
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return { dir, files: [] };
  }
  const files = names
    .filter((n) => n.toLowerCase().endsWith('.sqlite'))
    .flatMap((n) => {
      const file = path.join(dir, n);
      try {
        const stat = fs.statSync(file);
        return stat.isFile() ? [{ name: n.replace(/\.sqlite$/i, ''), path: file, modifiedAt: stat.mtimeMs }] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.modifiedAt - a.modifiedAt);
  return { dir, files };
}
