import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDisclosureRules, loadRuleSet, loadWordLists } from '../../../electron/backend/disclosures/resources.ts';
import { checkDisclosure } from '../../../shared/disclosures/check.ts';
import { parseRuleSet, parseRuleSetText, parseWordList, RulesFileError } from '../../../shared/disclosures/rules-schema.ts';
import { tempDir } from '../helpers/tmp.ts';

const shippedKo = () => JSON.parse(fs.readFileSync('resources/rules/ko.json', 'utf8')) as Record<string, unknown> & {
  requirements: Record<string, unknown>[];
  concepts: Record<string, { words?: string[]; verbs?: string[]; regex?: string[] }>;
  advertising: { patterns: unknown[] };
};

function problemOf(fn: () => unknown): RulesFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RulesFileError) return error;
    throw error;
  }
  throw new Error('expected a RulesFileError');
}

describe('rules files', () => {
  it('ship valid for both locales, with every rule id docs/cli.md names', () => {
    for (const locale of ['ko', 'en'] as const) {
      const rules = loadRuleSet(locale);
      const ids = new Set(rules.requirements.map((r) => r.id));
      for (const id of ['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences', 'url-use']) expect(ids).toContain(id);
      expect(rules.limits.find((l) => l.id === 'alimtalk-length')!.maxChars).toBe(1000);
    }
  });

  it('name the file and the field when a regular expression does not compile', () => {
    const json = shippedKo();
    json.concepts['size']!.regex![0] = '(unclosed';
    const e = problemOf(() => parseRuleSet(json, 'rules/ko.json'));
    expect(e.file).toBe('rules/ko.json');
    expect(e.message).toContain('rules/ko.json');
    expect(e.problems[0]!.path).toBe('concepts.size.regex[0]');
    expect(e.problems[0]!.message).toContain('not a valid regular expression');
  });

  it('name the field when a pattern gives both a phrase and a regex', () => {
    const json = shippedKo();
    json.advertising.patterns[0] = { phrase: '알림', regex: '알림' };
    const e = problemOf(() => parseRuleSet(json, 'ko.json'));
    expect(e.problems[0]!.path).toBe('advertising.patterns[0]');
    expect(e.problems[0]!.message).toContain('exactly one');
  });

  it('reject an unknown surface, an unknown key and a missing default suggestion', () => {
    const json = shippedKo();
    json.requirements[0]!.surfaces = ['alimtalk', 'billboard'];
    json.requirements[2]!.colour = 'red';
    json.requirements[3]!.suggestion = { alimtalk: '…' };
    const e = problemOf(() => parseRuleSet(json, 'ko.json'));
    const paths = e.problems.map((p) => p.path);
    expect(paths).toContain('requirements[0].surfaces[1]');
    expect(paths).toContain('requirements[2]');
    expect(paths).toContain('requirements[3].suggestion');
  });

  it('name a concept a part uses that the file does not define, and a Korean verb not in its dictionary form', () => {
    const json = shippedKo();
    (json.requirements[2] as { parts: { match: string[][] }[] }).parts[1]!.match[0]![1] = 'refusal-place';
    json.concepts['refusal-act']!.verbs!.push('끄면');
    const e = problemOf(() => parseRuleSet(json, 'ko.json'));
    expect(e.problems).toEqual(
      expect.arrayContaining([
        { path: 'requirements[2].parts[1].match[0][1]', message: 'no concept "refusal-place" in "concepts"' },
        expect.objectContaining({ path: `concepts.refusal-act.verbs[${json.concepts['refusal-act']!.verbs!.length - 1}]` }),
      ]),
    );
  });

  it('reject a concept with nothing in it and a part with no concept set', () => {
    const json = shippedKo();
    json.concepts['empty'] = {};
    (json.requirements[0] as { parts: { match: string[][] }[] }).parts[0]!.match = [];
    const paths = problemOf(() => parseRuleSet(json, 'ko.json')).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['concepts.empty', 'requirements[0].parts[0].match']));
  });

  it('still read a version 1 part (weighted patterns, no concepts) and check with it', () => {
    const json = shippedKo();
    delete (json as Partial<typeof json>).concepts;
    json.requirements = json.requirements.filter((r) => r.id === 'data-charges').map((r) => ({
      ...r,
      parts: [
        { id: 'data', message: '데이터 요금', patterns: [{ regex: '데이터\\s*요금', weight: 1 }] },
        { id: 'amount', message: '얼마나', threshold: 2, patterns: [{ regex: '\\d+\\s*KB' }, { phrase: '한 건에' }] },
      ],
    }));
    const rules = parseRuleSet(json, 'team/ko.json');
    const text = '알림톡을 받으면 데이터 요금이 들 수 있습니다. 한 건에 약 2KB입니다.';
    const check = (t: string) => checkDisclosure(t, { locale: 'ko', surface: 'alimtalk', rules });
    expect(check(text).elements).toEqual([{ id: 'data-charges', present: true, start: 0, end: text.length, text }]);
    // Both patterns of the amount are needed (threshold 2): the partial sentence is the evidence.
    expect(check('알림톡을 받으면 데이터 요금이 들 수 있습니다. 약 2KB입니다.').elements[0]).toMatchObject({ present: false, text: '알림톡을 받으면 데이터 요금이 들 수 있습니다.' });
  });

  it('reject a part that gives both concepts and patterns, or neither', () => {
    const json = shippedKo();
    const parts = (json.requirements[0] as { parts: Record<string, unknown>[] }).parts;
    parts[0]!.patterns = [{ phrase: '알림' }];
    delete (json.requirements[1] as { parts: Record<string, unknown>[] }).parts[0]!.match;
    const e = problemOf(() => parseRuleSet(json, 'ko.json'));
    expect(e.problems.filter((p) => p.message.includes('exactly one of "match"')).map((p) => p.path)).toEqual(['requirements[0].parts[0]', 'requirements[1].parts[0]']);
  });

  it('reject the same element twice on one surface', () => {
    const json = shippedKo();
    json.requirements.push({ ...json.requirements[0]! });
    const e = problemOf(() => parseRuleSet(json, 'ko.json'));
    expect(e.problems[0]!.message).toContain('already required');
  });

  it('report broken JSON with its line and column', () => {
    const e = problemOf(() => parseRuleSetText('{\n  "locale": "ko",\n  oops\n}', 'team-rules.json'));
    expect(e.message).toMatch(/team-rules\.json: .*not valid JSON \(line 3, column \d+\)/s);
  });

  it('are read from the folder a team edits, and a bad file fails with an error naming it', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'rules'));
    const json = shippedKo();
    json.version = 0;
    fs.writeFileSync(path.join(dir, 'rules', 'ko.json'), JSON.stringify(json));
    expect(() => loadRuleSet('ko', dir)).toThrow(/ko\.json: invalid field\n {2}version: /);
    try {
      loadRuleSet('ko', dir);
    } catch (error) {
      expect(error).toMatchObject({ code: 'bad-input' });
    }
  });
});

describe('word lists', () => {
  it('ship with a plain alternative for every entry', () => {
    const ko = loadWordLists('ko');
    expect(ko.hardWords.length).toBeGreaterThan(40);
    expect(ko.jargon.map((e) => e.word)).toEqual(expect.arrayContaining(['데이터 차감', '과금', '수신 거부 시 불이익']));
    expect(loadWordLists('en').jargon.length).toBeGreaterThan(5);
  });

  it('name the file and line of an entry without an alternative', () => {
    const e = problemOf(() => parseWordList('# comment\n과금\t요금\n수신\n', 'ko-jargon.txt'));
    expect(e.file).toBe('ko-jargon.txt');
    expect(e.problems).toEqual([{ path: 'line 3', message: expect.stringContaining('plain alternative') }]);
  });
});

describe('a team rules folder', () => {
  it('wins file by file over the shipped resources, and reports where the rules came from', () => {
    const own = tempDir();
    fs.mkdirSync(path.join(own, 'wordlists'));
    fs.writeFileSync(path.join(own, 'wordlists', 'ko-jargon.txt'), '# 우리 팀 목록\n배송 소식\t배송 알림\n');
    const before = process.env.NOTICE_DESK_RULES_DIR;
    process.env.NOTICE_DESK_RULES_DIR = own;
    try {
      const lists = loadWordLists('ko');
      expect(lists.jargon).toEqual([{ word: '배송 소식', plain: '배송 알림' }]);
      expect(lists.hardWords.length).toBeGreaterThan(40);
      const all = loadDisclosureRules();
      expect(all.sources!.ko).toBe(path.resolve('resources', 'rules', 'ko.json'));
    } finally {
      if (before === undefined) delete process.env.NOTICE_DESK_RULES_DIR;
      else process.env.NOTICE_DESK_RULES_DIR = before;
    }
  });
});
