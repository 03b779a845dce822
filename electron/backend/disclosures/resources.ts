import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DisclosureRules, DisclosureTemplate } from '../../../shared/contract/disclosures.ts';
import { AppError, userError } from '../../../shared/contract/errors.ts';
import { parseRuleSetText, parseWordList, RulesFileError, type RuleSet, type WordEntry } from '../../../shared/disclosures/rules-schema.ts';
import { LOCALES, SURFACES, type Locale, type Surface } from '../../../shared/disclosures/types.ts';
import { defaultConfigDir } from '../settings-store.ts';

/**
 * Loads the disclosure resources — rule sets, word lists, starter templates, fonts — from the
 * app's `resources/` folder (or NOTICE_DESK_RESOURCES_DIR). A policy team's own copy of any rules,
 * word-list or template file in the override folder (`rulesOverrideDir()`, same layout) wins over
 * the shipped one — the shipped files sit inside the read-only app package. Files are re-read when
 * they change, so an edit takes effect without restarting.
 */

let cachedDir: string | null = null;

/** The `resources/` folder: NOTICE_DESK_RESOURCES_DIR, or the nearest one above this module. */
export function resourcesDir(): string {
  if (process.env.NOTICE_DESK_RESOURCES_DIR) return process.env.NOTICE_DESK_RESOURCES_DIR;
  if (cachedDir) return cachedDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'rules'))) return (cachedDir = candidate);
    const up = path.dirname(dir);
    if (up === dir) throw userError('internal', 'disclosures.resources-folder-missing');
    dir = up;
  }
}

/**
 * The folder where a team puts its own rules/, wordlists/ and templates/ files:
 * NOTICE_DESK_RULES_DIR, else `disclosure-rules` in the user's Notice Desk config folder.
 */
export function rulesOverrideDir(): string {
  return process.env.NOTICE_DESK_RULES_DIR ?? path.join(defaultConfigDir(), 'disclosure-rules');
}

/** The file to read for a resource: the given folder's, else the team's override, else the shipped one. */
export function resourceFile(relative: string, dir?: string): string {
  if (dir !== undefined) return path.join(dir, relative);
  const own = path.join(rulesOverrideDir(), relative);
  return fs.existsSync(own) ? own : path.join(resourcesDir(), relative);
}

const fileCache = new Map<string, { mtimeMs: number; size: number; value: unknown }>();

function readCached<T>(file: string, parse: (text: string, file: string) => T): T {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw userError('file-unreadable', 'disclosures.resource-missing', { file }, { file });
  }
  const hit = fileCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.value as T;
  const value = parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file);
  fileCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, value });
  return value;
}

/** A RulesFileError as the AppError the UI and CLI show (names the file and the bad fields). */
export function asAppError(error: unknown): unknown {
  if (error instanceof RulesFileError) {
    return new AppError('bad-input', error.message, { file: error.file, problems: error.problems });
  }
  return error;
}

/** The validated rule set of one locale (`resources/rules/<locale>.json`). */
export function loadRuleSet(locale: Locale, dir?: string): RuleSet {
  try {
    return readCached(resourceFile(path.join('rules', `${locale}.json`), dir), parseRuleSetText);
  } catch (error) {
    throw asAppError(error);
  }
}

function loadList(file: string): WordEntry[] {
  if (!fs.existsSync(file)) return [];
  try {
    return readCached(file, parseWordList);
  } catch (error) {
    throw asAppError(error);
  }
}

/** The word lists of one locale: hard words (readability) and jargon (findings). */
export function loadWordLists(locale: Locale, dir?: string): { hardWords: WordEntry[]; jargon: WordEntry[] } {
  return {
    hardWords: loadList(resourceFile(path.join('wordlists', `${locale}-hard-words.txt`), dir)),
    jargon: loadList(resourceFile(path.join('wordlists', `${locale}-jargon.txt`), dir)),
  };
}

/** Rules and word lists of both locales. */
export function loadDisclosureRules(dir?: string): DisclosureRules {
  const lists = { ko: loadWordLists('ko', dir), en: loadWordLists('en', dir) };
  return {
    rules: { ko: loadRuleSet('ko', dir), en: loadRuleSet('en', dir) },
    hardWords: { ko: lists.ko.hardWords, en: lists.en.hardWords },
    jargon: { ko: lists.ko.jargon, en: lists.en.jargon },
    sources: {
      ko: resourceFile(path.join('rules', 'ko.json'), dir),
      en: resourceFile(path.join('rules', 'en.json'), dir),
    },
  };
}

/** Suggested titles of the starter templates. */
export const TEMPLATE_TITLES: Record<Surface, Record<Locale, string>> = {
  alimtalk: { ko: '알림톡 메시지 안내', en: 'AlimTalk message notice' },
  'consent-prompt': { ko: '첫 메시지 수신 동의 안내', en: 'First-message consent prompt' },
  install: { ko: '설치 화면 알림 안내', en: 'Install screen notice' },
  settings: { ko: '알림 설정 화면 안내', en: 'Notification settings notice' },
  terms: { ko: '이용약관 알림톡 조항', en: 'Terms: AlimTalk article' },
  'url-notice': { ko: '대화방 링크 검색 안내', en: 'Notice on links shared in chats' },
};

/** The starter template of one surface and locale (`resources/templates/<surface>.<locale>.md`). */
export function loadTemplate(surface: Surface, locale: Locale, dir?: string): DisclosureTemplate {
  const text = readCached(resourceFile(path.join('templates', `${surface}.${locale}.md`), dir), (t) => t);
  return { surface, locale, text, title: TEMPLATE_TITLES[surface][locale] };
}

/** Every starter template. */
export function loadTemplates(dir?: string): DisclosureTemplate[] {
  return SURFACES.flatMap((surface) => LOCALES.map((locale) => loadTemplate(surface, locale, dir)));
}
