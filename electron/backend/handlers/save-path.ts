import type { HandlerContext } from '../context.ts';

/**
 * Where a file the user saves goes: the path they gave (the CLI's argument; it must pass the path
 * policy for export), else in Electron the file main's save dialog returns (null when they cancel), else
 * (browser mode) undefined — the bytes go back for a download. The page never names the file.
 */
export async function savePath(ctx: HandlerContext, given: string | undefined, fileName: string): Promise<string | null | undefined> {
  if (given !== undefined) return ctx.paths.check(given, 'export');
  if (!ctx.host.pickSavePath) return undefined;
  const chosen = await ctx.host.pickSavePath(fileName);
  return chosen === null ? null : ctx.paths.check(chosen, 'export');
}
