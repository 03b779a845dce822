import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/contract/settings.ts';
import { ConfSettingsStore, observeSettings, type KeyValueStoreOptions } from '../../../electron/main/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

/** The real library electron-store wraps, configured the way the app configures electron-store. */
function confStore(dir: string) {
  return new ConfSettingsStore({
    cwd: dir,
    create: (o: KeyValueStoreOptions) =>
      new Conf<Record<string, unknown>>({
        cwd: o.cwd,
        configName: o.name,
        projectName: 'notice-desk-test',
        clearInvalidConfig: o.clearInvalidConfig,
        defaults: o.defaults,
      }),
  });
}

describe('settings through electron-store (conf)', () => {
  it('starts from the defaults and persists a change to settings.json', () => {
    const dir = tempDir();
    const store = confStore(dir);
    expect(store.get()).toEqual(defaultSettings);
    store.set({ locale: 'en', theme: 'dark', recentWorkspaces: ['/w/a.sqlite'] });
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ locale: 'en', theme: 'dark', recentWorkspaces: ['/w/a.sqlite'] });
    expect(confStore(dir).get()).toMatchObject({ locale: 'en', theme: 'dark', timeZone: 'Asia/Seoul' });
  });

  it('recovers from a corrupt file: moves it aside, keeps its bytes, starts with defaults', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    const garbage = '{"locale": "en", "theme": "da';
    fs.writeFileSync(file, garbage);
    const store = confStore(dir);
    expect(store.get()).toEqual(defaultSettings);
    expect(store.recoveredFrom).toMatch(/settings\.json\.corrupt-\d+$/);
    expect(fs.readFileSync(store.recoveredFrom!, 'utf8')).toBe(garbage);
    store.set({ locale: 'en' });
    expect(confStore(dir).get().locale).toBe('en');
  });

  it('recovers when the file is damaged while the app is running', () => {
    const dir = tempDir();
    const store = confStore(dir);
    store.set({ reviewerName: 'Kim' });
    fs.writeFileSync(path.join(dir, 'settings.json'), '\u0000\u0000not json');
    expect(store.get()).toEqual(defaultSettings);
    expect(store.recoveredFrom).not.toBeNull();
  });

  it('keeps valid keys and defaults wrong-typed ones', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ locale: 'en', theme: 'purple', recentWorkspaces: 'x' }));
    const store = confStore(dir);
    expect(store.get()).toEqual({ ...defaultSettings, locale: 'en' });
    expect(store.recoveredFrom).toBeNull();
  });

  it('tells an observer about every change', () => {
    const seen: string[] = [];
    const store = observeSettings(confStore(tempDir()), (s) => seen.push(s.locale));
    store.set({ locale: 'en' });
    store.set({ locale: 'ko' });
    expect(seen).toEqual(['en', 'ko']);
  });
});
