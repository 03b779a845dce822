import fs from 'node:fs';
import path from 'node:path';
import type { HandlerContext } from '../context.ts';
import { dispatch, toAppError } from '../dispatch.ts';

/** Paths given on browser mode's command line: typed in a shell, so the user's own choice. */
export interface LaunchPaths {
  workspace?: string;
  watchFolder?: string;
}

/** Reads `--workspace <file>` and `--watch-folder <dir>` (or `--workspace=<file>`) from the launch arguments. */
export function parseLaunchPaths(argv: readonly string[]): LaunchPaths {
  const out: LaunchPaths = {};
  const value = (flag: string): string | undefined => {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === flag && argv[i + 1] !== undefined) return path.resolve(argv[i + 1]!);
      if (arg.startsWith(`${flag}=`) && arg.length > flag.length + 1) return path.resolve(arg.slice(flag.length + 1));
    }
    return undefined;
  };
  const workspace = value('--workspace');
  const watchFolder = value('--watch-folder');
  if (workspace) out.workspace = workspace;
  if (watchFolder) out.watchFolder = watchFolder;
  return out;
}

/**
 * Grants the launch paths and acts on them: opens the workspace (creates it when missing), then
 * watches the folder in it. Returns one line per problem (the launcher prints them; nothing throws).
 */
export async function applyLaunchPaths(ctx: HandlerContext, launch: LaunchPaths): Promise<string[]> {
  const problems: string[] = [];
  if (launch.workspace) {
    const exists = fs.existsSync(launch.workspace);
    const file = ctx.paths.allow(launch.workspace, exists ? 'workspace-open' : 'workspace-create');
    try {
      await dispatch(exists ? 'workspace:open' : 'workspace:create', { path: file }, ctx);
    } catch (error) {
      problems.push(toAppError(error).message);
    }
  }
  if (launch.watchFolder) {
    const folder = ctx.paths.allow(launch.watchFolder, 'watch-folder');
    if (!ctx.session) problems.push(`--watch-folder ${folder} needs a workspace: give --workspace <file> too.`);
    else {
      try {
        await dispatch('imports:setWatchFolder', { path: folder, enabled: true }, ctx);
      } catch (error) {
        problems.push(toAppError(error).message);
      }
    }
  }
  return problems;
}
