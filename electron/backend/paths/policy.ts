import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import type { ErrorKey } from '../../../shared/contract/messages/index.ts';
import { canonicalPath, isInside } from './canonical.ts';

/** What a path is for: a grant for one use never allows another. */
export type PathUse = 'workspace-create' | 'workspace-open' | 'import' | 'export' | 'watch-folder';

/**
 * Which file-system paths the backend accepts from its caller. Every handler that takes a path
 * calls `check` first and then uses only the path it returns (the real path, so a link swapped in
 * later cannot redirect it).
 */
export interface PathPolicy {
  readonly kind: 'any' | 'granted' | 'browser';
  /** Records that the user chose `file` for `use` (a dialog, a drop, the launch command); returns its real path. */
  allow(file: string, use: PathUse): string;
  /** The real path of `file` when it is allowed for `use`; else a `path-not-allowed` error naming it. */
  check(file: string, use: PathUse): string;
  /** Browser mode: the private folder where workspaces are created by name and listed. */
  readonly workspacesDir?: string;
}

const NOT_CHOSEN: Record<PathUse, ErrorKey> = {
  'workspace-create': 'paths.not-chosen-workspace-create',
  'workspace-open': 'paths.not-chosen-workspace-open',
  import: 'paths.not-chosen-import',
  export: 'paths.not-chosen-export',
  'watch-folder': 'paths.not-chosen-watch-folder',
};

/** The CLI and in-process tests: the user typed the path in a shell, so any path goes, as given. */
export function allowAnyPath(): PathPolicy {
  return {
    kind: 'any',
    allow: (file) => file,
    check: (file) => file,
  };
}

export interface GrantOptions {
  /** Recent workspaces recorded by the backend: allowed for 'workspace-open'. */
  recent?: () => readonly string[];
}

/**
 * Electron: only what the user chose. Grants are kept by real path and by use (for a file to be
 * created, the real path of its folder plus its name) for the life of the process.
 */
export class GrantPathPolicy implements PathPolicy {
  readonly kind: 'granted' | 'browser' = 'granted';
  private readonly grants = new Map<PathUse, Set<string>>();
  protected readonly options: GrantOptions;

  constructor(options: GrantOptions = {}) {
    this.options = options;
  }

  /** Grants `file` for `use`; returns its real path. */
  allow(file: string, use: PathUse): string {
    const real = canonicalPath(file);
    let set = this.grants.get(use);
    if (!set) {
      set = new Set();
      this.grants.set(use, set);
    }
    set.add(real);
    return real;
  }

  /** The real path of a granted (or recent, for opening) path; else `path-not-allowed`. */
  check(file: string, use: PathUse): string {
    const real = canonicalPath(file);
    if (this.isGranted(real, use)) return real;
    throw this.refusal(file, real, use);
  }

  protected isGranted(real: string, use: PathUse): boolean {
    if (this.grants.get(use)?.has(real)) return true;
    if (use === 'workspace-open') {
      return (this.options.recent?.() ?? []).some((p) => canonicalPath(p) === real);
    }
    return false;
  }

  protected refusal(file: string, _real: string, use: PathUse): Error {
    return userError('path-not-allowed', NOT_CHOSEN[use], { file }, { file, use });
  }
}

export interface BrowserPathOptions extends GrantOptions {
  /** The private upload folder (electron/backend/import/upload.ts `uploadRoot`): imports come only from inside. */
  uploadRoot: () => string;
  /** Where workspaces are created by name and listed (made, mode 0700, on first use). */
  workspacesDir: string;
}

/**
 * Browser mode: no caller path at all. Imports only from inside the upload folder; exports are
 * downloads; workspaces are created and opened inside the private workspaces folder, from the
 * recent list, or as given on the launch command line (granted with `allow`); the watched folder
 * only as given at launch.
 */
export class BrowserPathPolicy extends GrantPathPolicy {
  override readonly kind = 'browser' as const;
  readonly workspacesDir: string;
  private readonly uploadRoot: () => string;

  constructor(options: BrowserPathOptions) {
    super(options);
    // Made (mode 0700) when the first workspace is created by name, not at launch.
    this.workspacesDir = path.resolve(options.workspacesDir);
    this.uploadRoot = options.uploadRoot;
  }

  protected override isGranted(real: string, use: PathUse): boolean {
    if (super.isGranted(real, use)) return true;
    if (use === 'import') return isInside(real, canonicalPath(this.uploadRoot()));
    if (use === 'workspace-create' || use === 'workspace-open') return isInside(real, canonicalPath(this.workspacesDir));
    return false;
  }

  protected override refusal(file: string, _real: string, use: PathUse): Error {
    const details = { file, use };
    switch (use) {
      case 'import':
        return userError('path-not-allowed', 'paths.browser-import-outside-uploads', { file }, details);
      case 'export':
        return userError('path-not-allowed', 'paths.browser-export-path', { file }, details);
      case 'watch-folder':
        return userError('path-not-allowed', 'paths.browser-watch-folder', { file }, details);
      default:
        return userError('path-not-allowed', 'paths.browser-workspace-outside', { file, dir: this.workspacesDir }, details);
    }
  }
}
