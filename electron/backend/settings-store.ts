import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  defaultSettings,
  settingsSchema,
  type Settings,
} from '../../shared/contract/settings.ts';

/** Where the app's settings live; electron-store in Electron, a JSON file elsewhere. */
export interface SettingsStore {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
}

/** Validates stored settings key by key, keeping what is valid and defaulting the rest. */
export function sanitizeSettings(raw: unknown): Settings {
  const out: Settings = { ...defaultSettings, recentWorkspaces: [], watchConsents: [] };
  if (typeof raw !== 'object' || raw === null) return out;
  const record = raw as Record<string, unknown>;
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const parsed = shape[key].safeParse(record[key]);
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/** The user's config folder for Notice Desk, per platform. */
export function defaultConfigDir(): string {
  if (process.env.NOTICE_DESK_CONFIG_DIR) return process.env.NOTICE_DESK_CONFIG_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Notice Desk');
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'Notice Desk');
  }
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'notice-desk');
}

/**
 * Settings in a JSON file (browser mode and CLI). A corrupt file is moved aside to
 * `settings.json.corrupt-<time>` and the defaults are used; writes go to a temp file then rename,
 * so a crash never leaves half a file.
 */
export class JsonFileSettingsStore implements SettingsStore {
  readonly file: string;
  private cache: Settings | null = null;
  /** Set when the last load found a corrupt file (and where it was moved). */
  recoveredFrom: string | null = null;

  constructor(file = path.join(defaultConfigDir(), 'settings.json')) {
    this.file = file;
  }

  get(): Settings {
    if (this.cache) return this.cache;
    let raw: unknown = {};
    if (fs.existsSync(this.file)) {
      const text = fs.readFileSync(this.file, 'utf8');
      try {
        raw = JSON.parse(text);
      } catch {
        const aside = `${this.file}.corrupt-${Date.now()}`;
        fs.renameSync(this.file, aside);
        this.recoveredFrom = aside;
        raw = {};
      }
    }
    this.cache = sanitizeSettings(raw);
    return this.cache;
  }

  set(patch: Partial<Settings>): Settings {
    const next = sanitizeSettings({ ...this.get(), ...patch });
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
    fs.renameSync(tmp, this.file);
    this.cache = next;
    return next;
  }
}

/** Settings held in memory only (tests). */
export class MemorySettingsStore implements SettingsStore {
  private value: Settings = { ...defaultSettings, recentWorkspaces: [], watchConsents: [] };
  get(): Settings {
    return this.value;
  }
  set(patch: Partial<Settings>): Settings {
    this.value = sanitizeSettings({ ...this.value, ...patch });
    return this.value;
  }
}
