import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors.ts';
import { canonicalPath, isInside } from '../../../electron/backend/paths/canonical.ts';
import { allowAnyPath, BrowserPathPolicy, GrantPathPolicy } from '../../../electron/backend/paths/policy.ts';
import { listWorkspaceFiles, workspaceFileForName } from '../../../electron/backend/paths/workspace-names.ts';
import { tempDir } from '../helpers/tmp.ts';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function browserPolicy(dir: string) {
  const uploads = path.join(dir, 'uploads');
  fs.mkdirSync(uploads);
  return { policy: new BrowserPathPolicy({ uploadRoot: () => uploads, workspacesDir: path.join(dir, 'workspaces') }), uploads };
}

describe('canonical paths', () => {
  it('resolves links and .. to the real place, and a new file by its folder', () => {
    const dir = fs.realpathSync(tempDir());
    fs.mkdirSync(path.join(dir, 'a'));
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'link'));
    expect(canonicalPath(path.join(dir, 'link', 'new.sqlite'))).toBe(path.join(dir, 'a', 'new.sqlite'));
    expect(canonicalPath(path.join(dir, 'a', '..', 'a', 'x'))).toBe(path.join(dir, 'a', 'x'));
    expect(isInside(path.join(dir, 'a', 'x'), path.join(dir, 'a'))).toBe(true);
    expect(isInside(path.join(dir, 'a'), path.join(dir, 'a'))).toBe(false);
    expect(isInside(path.join(dir, 'ab'), path.join(dir, 'a'))).toBe(false);
  });

  it('never takes a dangling link for a new file in its folder', () => {
    const dir = fs.realpathSync(tempDir());
    fs.symlinkSync(path.join(dir, 'elsewhere', 'target'), path.join(dir, 'dangling'));
    expect(canonicalPath(path.join(dir, 'dangling'))).not.toBe(path.join(dir, 'dangling'));
  });
});

describe('the CLI policy', () => {
  it('allows any path, as typed', () => {
    expect(allowAnyPath().check('/etc/passwd', 'import')).toBe('/etc/passwd');
  });
});

describe("Electron's grant policy", () => {
  it('allows a granted path for its use only, and refuses every other path by name', () => {
    const dir = fs.realpathSync(tempDir());
    const file = path.join(dir, 'export.csv');
    fs.writeFileSync(file, 'x');
    const policy = new GrantPathPolicy();
    expect(policy.allow(file, 'import')).toBe(file);
    expect(policy.check(file, 'import')).toBe(file);
    const error = refusal(() => policy.check(file, 'export'));
    expect(error).toMatchObject({ code: 'path-not-allowed', key: 'paths.not-chosen-export', params: { file } });
    expect(refusal(() => policy.check('/etc/passwd', 'import')).message).toContain('/etc/passwd');
  });

  it('follows the grant through another spelling but not through a link swapped in', () => {
    const dir = fs.realpathSync(tempDir());
    fs.mkdirSync(path.join(dir, 'a'));
    const file = path.join(dir, 'a', 'w.sqlite');
    const policy = new GrantPathPolicy();
    policy.allow(file, 'workspace-create');
    expect(policy.check(path.join(dir, 'a', '..', 'a', 'w.sqlite'), 'workspace-create')).toBe(file);
    // A link named like the granted file's folder leads elsewhere: refused.
    fs.writeFileSync(path.join(dir, 'secret'), 's');
    fs.symlinkSync(path.join(dir, 'secret'), path.join(dir, 'a', 'other.sqlite'));
    expect(refusal(() => policy.check(path.join(dir, 'a', 'other.sqlite'), 'workspace-create')).code).toBe('path-not-allowed');
  });

  it('allows the recent workspaces for opening, and nothing else for them', () => {
    const dir = fs.realpathSync(tempDir());
    const file = path.join(dir, 'r.sqlite');
    const policy = new GrantPathPolicy({ recent: () => [file] });
    expect(policy.check(file, 'workspace-open')).toBe(file);
    expect(refusal(() => policy.check(file, 'workspace-create')).code).toBe('path-not-allowed');
  });
});

describe("browser mode's policy", () => {
  it('imports only from inside the upload folder: no .. and no link out of it', () => {
    const dir = fs.realpathSync(tempDir());
    const { policy, uploads } = browserPolicy(dir);
    fs.mkdirSync(path.join(uploads, 'u-1'));
    const upload = path.join(uploads, 'u-1', 'send-log.csv');
    fs.writeFileSync(upload, 'x');
    expect(policy.check(upload, 'import')).toBe(upload);
    const secret = path.join(dir, 'secret.csv');
    fs.writeFileSync(secret, 'secret');
    expect(refusal(() => policy.check(path.join(uploads, '..', 'secret.csv'), 'import'))).toMatchObject({
      code: 'path-not-allowed',
      key: 'paths.browser-import-outside-uploads',
    });
    fs.symlinkSync(secret, path.join(uploads, 'u-1', 'link.csv'));
    expect(refusal(() => policy.check(path.join(uploads, 'u-1', 'link.csv'), 'import')).code).toBe('path-not-allowed');
    expect(refusal(() => policy.check(uploads, 'import')).code).toBe('path-not-allowed');
  });

  it('never writes an export to a path, and never watches a folder the page names', () => {
    const dir = fs.realpathSync(tempDir());
    const { policy } = browserPolicy(dir);
    expect(refusal(() => policy.check(path.join(dir, 'x.pdf'), 'export')).key).toBe('paths.browser-export-path');
    expect(refusal(() => policy.check(dir, 'watch-folder')).key).toBe('paths.browser-watch-folder');
  });

  it('creates and opens workspaces in its own folder, by name, or as given at launch', () => {
    const dir = fs.realpathSync(tempDir());
    const { policy } = browserPolicy(dir);
    const file = workspaceFileForName(policy, '2016 카카오 알림');
    expect(file).toBe(path.join(dir, 'workspaces', '2016 카카오 알림.sqlite'));
    expect((fs.statSync(path.join(dir, 'workspaces')).mode & 0o777).toString(8)).toBe('700');
    expect(policy.check(file, 'workspace-create')).toBe(file);
    const outside = path.join(dir, 'elsewhere.sqlite');
    expect(refusal(() => policy.check(outside, 'workspace-open'))).toMatchObject({
      key: 'paths.browser-workspace-outside',
      params: { file: outside, dir: path.join(dir, 'workspaces') },
    });
    policy.allow(outside, 'workspace-open');
    expect(policy.check(outside, 'workspace-open')).toBe(outside);
    for (const bad of ['../x', 'a/b', '.hidden', '..', 'a\\b', '']) {
      expect(refusal(() => workspaceFileForName(policy, bad)).code).toBe('bad-input');
    }
  });

  it('lists the workspaces of its folder, newest first', () => {
    const dir = fs.realpathSync(tempDir());
    const { policy } = browserPolicy(dir);
    expect(listWorkspaceFiles(policy)).toEqual({ dir: path.join(dir, 'workspaces'), files: [] });
    fs.mkdirSync(path.join(dir, 'workspaces'));
    fs.writeFileSync(path.join(dir, 'workspaces', 'a.sqlite'), '');
    fs.writeFileSync(path.join(dir, 'workspaces', 'notes.txt'), '');
    fs.utimesSync(path.join(dir, 'workspaces', 'a.sqlite'), 1, 1);
    fs.writeFileSync(path.join(dir, 'workspaces', 'b.sqlite'), '');
    expect(listWorkspaceFiles(policy).files.map((f) => f.name)).toEqual(['b', 'a']);
    expect(listWorkspaceFiles(allowAnyPath())).toEqual({ dir: null, files: [] });
  });
});
