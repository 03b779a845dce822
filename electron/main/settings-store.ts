import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, type Settings } from '../../shared/contract/settings.ts';
import { sanitizeSettings, type SettingsStore } from '../backend/settings-store.ts';

/** The part of a `conf` / electron-store instance the settings store uses. */
export interface KeyValueStore {
  readonly path: string;
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

/** Options handed to the store factory: electron-store in the app, `conf` in unit tests. */
export interface KeyValueStoreOptions {
  /** Folder of the settings file (electron-store: `app.getPath('userData')`). */
  cwd: string;
  /** File name without `.json` (electron-store's `name`, conf's `configName`). */
  name: string;
  /** Never let the library silently wipe a bad file: we move it aside ourselves. */
  clearInvalidConfig: false;
  defaults: Record<string, unknown>;
}

/**
 * Settings persisted through electron-store (or `conf`, which it wraps). Every read is sanitised
 * key by key (`sanitizeSettings`), so a wrong-typed value falls back to its default. A file that is
 * not JSON at all is moved aside to `<file>.corrupt-<time>` and the app starts with defaults
 * instead of crashing; `recoveredFrom` tells where the bad file went.
 */
export class ConfSettingsStore implements SettingsStore {
  private store: KeyValueStore;
  private readonly create: (options: KeyValueStoreOptions) => KeyValueStore;
  private readonly cwd: string;
  private readonly name: string;
  /** Where the settings file is. */
  readonly file: string;
  /** Set when a corrupt file was found and moved aside. */
  recoveredFrom: string | null = null;

  constructor(input: { cwd: string; name?: string; create: (options: KeyValueStoreOptions) => KeyValueStore }) {
    this.create = input.create;
    this.cwd = input.cwd;
    this.name = input.name ?? 'settings';
    this.file = path.join(this.cwd, `${this.name}.json`);
    this.store = this.open();
  }

  get(): Settings {
    return sanitizeSettings(this.read());
  }

  set(patch: Partial<Settings>): Settings {
    const next = sanitizeSettings({ ...this.get(), ...patch });
    this.store.set({ ...next });
    return next;
  }

  private options(): KeyValueStoreOptions {
    return {
      cwd: this.cwd,
      name: this.name,
      clearInvalidConfig: false,
      defaults: { ...defaultSettings, recentWorkspaces: [], watchConsents: [] },
    };
  }

  private open(): KeyValueStore {
    try {
      return this.create(this.options());
    } catch (error) {
      // conf reports a file that is not JSON as a SyntaxError; anything else is a real failure.
      if (!(error instanceof SyntaxError) || !fs.existsSync(this.file)) throw error;
      this.moveAside();
      return this.create(this.options());
    }
  }

  private read(): Record<string, unknown> {
    try {
      return this.store.store;
    } catch (error) {
      // The file was damaged while the app ran (another process, a disk error): recover the same way.
      if (!(error instanceof SyntaxError)) throw error;
      this.moveAside();
      this.store = this.create(this.options());
      return this.store.store;
    }
  }

  private moveAside(): void {
    const aside = `${this.file}.corrupt-${Date.now()}`;
    fs.renameSync(this.file, aside);
    this.recoveredFrom = aside;
  }
}

/** Wraps a store so every successful `set` is reported (the menu and native theme follow settings). */
export function observeSettings(store: SettingsStore, onChange: (settings: Settings) => void): SettingsStore {
  return {
    get: () => store.get(),
    set: (patch) => {
      const next = store.set(patch);
      onChange(next);
      return next;
    },
  };
}
