import fs from 'node:fs';
import path from 'node:path';

/**
 * The real path a file-system path names: `realpath` of the path when it exists, else (a file about
 * to be created) `realpath` of its folder joined with its base name. Symbolic links and `..` are
 * resolved, so two spellings of one place compare equal and a link cannot lead out of a folder.
 */
export function canonicalPath(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync.native(resolved);
  } catch {
    // A link whose target is missing still leads somewhere else: never treat it as a new file here.
    if (isSymlink(resolved)) return resolved + '\0dangling-link';
    const parent = path.dirname(resolved);
    if (parent === resolved) return resolved;
    try {
      return path.join(fs.realpathSync.native(parent), path.basename(resolved));
    } catch {
      return resolved;
    }
  }
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True when `child` (a canonical path) is strictly inside `dir` (a canonical folder). */
export function isInside(child: string, dir: string): boolean {
  const relative = path.relative(dir, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
