import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandModules, loadCommands } from '../../../electron/backend/cli/commands/index.ts';
import { errorMessages } from '../../../shared/contract/messages/index.ts';
import { costModelSources } from '../../../shared/metrics/cost-model.ts';
import { metricDefinitions } from '../../../shared/metrics/definitions.ts';
import { en } from '../../../renderer/i18n/en/index.ts';
import { ko } from '../../../renderer/i18n/ko/index.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The spec files that once lived outside the repository. Spelt out at run time so that this file
 * does not name them itself.
 */
const oldSpecs = ['canonical', 'metrics', 'cli'].map((name) => `${name.toUpperCase()}.md`);
const oldSpecPattern = new RegExp(`\\b(?:${oldSpecs.map((s) => s.replace('.', '\\.')).join('|')})\\b`);

/** A file name with a documentation or source extension (`metrics.md`, `docs/cli.md`, `types.ts`). */
const fileNamePattern = /[\w./-]*\w\.(?:md|mdx|ts|tsx|mts|cts)\b/;

/** Every file git knows of (tracked, and new files not ignored), relative to the project root. */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
  return [...new Set(out.split('\0').filter((f) => f !== ''))];
}

/** Each line of `text` that matches `pattern`, as `file:line: text`. */
function matchingLines(file: string, text: string, pattern: RegExp): string[] {
  const hits: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
  });
  return hits;
}

/** Every string inside a nested object of messages, with its path (`disclosures.variables.fromDefaults`). */
function stringsOf(value: unknown, at: string): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => stringsOf(v, at === '' ? k : `${at}.${k}`));
}

/** The user-facing strings that name a documentation or source file. */
function namingFiles(strings: [string, string][]): string[] {
  return strings.flatMap(([where, text]) => {
    const m = fileNamePattern.exec(text);
    return m ? [`${where}: "${m[0]}" in "…${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20)}…"`] : [];
  });
}

describe('the project documents its own specs (docs/)', () => {
  it('has the canonical model, the metric definitions and the CLI in docs/', () => {
    for (const doc of ['docs/canonical-model.md', 'docs/metrics.md', 'docs/cli.md']) {
      expect(existsSync(path.join(root, doc)), doc).toBe(true);
    }
  });

  it('names none of the old outside spec files anywhere outside docs/', () => {
    const hits: string[] = [];
    for (const file of projectFiles()) {
      if (file.startsWith('docs/')) continue;
      const full = path.join(root, file);
      if (!existsSync(full) || !statSync(full).isFile()) continue;
      const bytes = readFileSync(full);
      if (bytes.includes(0)) continue; // binary
      hits.push(...matchingLines(file, bytes.toString('utf8'), oldSpecPattern));
    }
    expect(hits).toEqual([]);
  });

  it('finds a line that names an old spec file (the check can fail)', () => {
    expect(matchingLines('x.ts', `/** As ${oldSpecs[1]} defines it. */`, oldSpecPattern)).toHaveLength(1);
    expect(matchingLines('x.ts', '/** As docs/metrics.md defines it. */', oldSpecPattern)).toEqual([]);
  });
});

describe('user-facing text names no file', () => {
  it('in the interface strings, English and Korean', () => {
    expect(namingFiles([...stringsOf(en, 'en'), ...stringsOf(ko, 'ko')])).toEqual([]);
  });

  it('in the error messages, the metric definitions and the cost model sources', () => {
    expect(
      namingFiles([
        ...stringsOf(errorMessages, 'messages'),
        ...stringsOf(metricDefinitions, 'definitions'),
        ...stringsOf(costModelSources, 'costModelSources'),
      ]),
    ).toEqual([]);
  });

  it('in the help of every CLI command (placeholders such as <file.md|file.txt> aside)', async () => {
    const commands = await loadCommands();
    // The lazily loaded list names each command as the command itself does.
    expect(commands.map((c) => c.name)).toEqual(commandModules.map((c) => c.name));
    const help = commands.flatMap((c): [string, string][] =>
      [c.summary, c.usage, c.help].map((text) => [`notice-desk ${c.name}`, text.replace(/<[^>\n]*>/g, '<…>')]),
    );
    expect(namingFiles(help)).toEqual([]);
  });

  it('finds a string that names a file (the check can fail)', () => {
    expect(namingFiles([['a', 'from the defaults (see docs/metrics.md)'], ['b', '정의는 types.ts 참고']])).toHaveLength(2);
    expect(namingFiles([['c', 'Telegram result.json, Slack export zip'], ['d', '기본 비용 모델 값']])).toEqual([]);
  });
});
