import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../../..');

interface Target {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  directories: { output: string; buildResources: string };
  win: { icon: string; target: Target[] };
  mac: { icon: string; target: Target[] };
  linux: { icon: string; target: string[] };
}

function loadConfig(): BuilderConfig {
  return yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  const config = loadConfig();

  it("is valid against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a config the schema does not allow (the check can fail)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, appIdentifier: 'typo' })).toBe(false);
    expect(validate({ ...config, mac: { target: 42 } })).toBe(false);
  });

  it('names the app and builds nsis for Windows and a dmg for both Mac architectures', () => {
    expect(config.appId).toBe('org.noticedesk.app');
    expect(config.productName).toBe('Notice Desk');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    const dmg = config.mac.target.find((t) => t.target === 'dmg');
    expect(dmg?.arch?.sort()).toEqual(['arm64', 'x64']);
  });

  it('unpacks the native SQLite module and the worker from the asar archive', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.asarUnpack).toContain('dist-electron/worker.cjs');
  });

  it('packs the entry point package.json names, and the bundles the main process loads', () => {
    expect(pkg.main).toBe('dist-electron/main.cjs');
    const patterns = config.files.filter((f) => !f.startsWith('!'));
    for (const needed of ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist-electron/worker.cjs', 'dist/renderer/index.html']) {
      expect(patterns.some((p) => needed.startsWith(p.replace(/\*\*\/\*$/, ''))), needed).toBe(true);
    }
  });

  it('names only files and folders that exist (icons, resources, package.json)', () => {
    const named = [
      config.win.icon,
      config.mac.icon,
      config.linux.icon,
      config.directories.buildResources,
      ...config.files.filter((f) => !f.startsWith('!')).map((f) => f.replace(/\/\*\*\/\*$/, '')),
    ];
    // dist/ and dist-electron/ are build outputs: checked by the bundle test and the renderer build.
    for (const entry of named.filter((p) => !p.startsWith('dist'))) {
      expect(fs.existsSync(path.join(root, entry)), entry).toBe(true);
    }
    expect(fs.existsSync(path.join(root, 'node_modules/better-sqlite3'))).toBe(true);
  });

  it('ships icons of the sizes each platform needs', () => {
    const size = (file: string) => {
      const png = fs.readFileSync(path.join(root, file));
      expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size('resources/icons/icon.png')).toEqual([1024, 1024]);
    expect(size('resources/icons/512x512.png')).toEqual([512, 512]);
    expect(size('resources/icons/256x256.png')).toEqual([256, 256]);
    const ico = fs.readFileSync(path.join(root, 'resources/icons/icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
  });
});
