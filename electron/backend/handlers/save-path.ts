import type { HandlerContext } from '../context.ts';

declare const checked: unique symbol;
/** A path the caller named that has passed the path policy for export (made only by `givenSavePath`). */
export type CheckedSavePath = string & { readonly [checked]: true };

/**
 * Checks the path a caller named (the CLI's argument) against the path policy for export. Handlers call
 * it first, before looking anything up, so that a refused path is refused as such whatever else is wrong
 * with the call — a page probing for files learns nothing from "not found".
 */
export function givenSavePath(ctx: HandlerContext, given: string | undefined): CheckedSavePath | undefined {
  return given === undefined ? undefined : (ctx.paths.check(given, 'export') as CheckedSavePath);
}

/**
 * Where a file the user saves goes: the checked path they gave, else in Electron the file main's save
 * dialog returns (null when they cancel), else (browser mode) undefined — the bytes go back for a
 * download. The page never names the file.
 */
export async function savePath(ctx: HandlerContext, given: CheckedSavePath | undefined, fileName: string): Promise<string | null | undefined> {
  if (given !== undefined) return given;
  if (!ctx.host.pickSavePath) return undefined;
  const chosen = await ctx.host.pickSavePath(fileName);
  return chosen === null ? null : ctx.paths.check(chosen, 'export');
}
