import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../electron/backend/disclosures/checklist.ts';
import { loadRuleSet, loadTemplate, loadWordLists } from '../../../electron/backend/disclosures/resources.ts';
import { checkDisclosure } from '../../../shared/disclosures/check.ts';
import { variableValues } from '../../../shared/disclosures/variables.ts';
import type { Surface } from '../../../shared/disclosures/types.ts';
import { compareVersions, substance } from '../../../shared/review/compare.ts';
import type { DisclosureVersion, VersionComparison } from '../../../shared/review/types.ts';

/** A version as the backend freezes it: both texts with the checks the real engine gives them (default variables). */
function version(number: number, texts: { ko: string; en: string }, surface: Surface = 'alimtalk', title = '알림톡 안내'): DisclosureVersion {
  const ko = runChecks(null, texts.ko, 'ko', surface);
  const en = runChecks(null, texts.en, 'en', surface);
  return {
    id: number,
    disclosureId: 1,
    number,
    title,
    surface,
    koText: texts.ko,
    enText: texts.en,
    checks: { ko, en, missing: { ko: ko.missing, en: en.missing } },
    author: 'Kim',
    createdAt: number * 1000,
    sha256: '0'.repeat(64),
  };
}

/** The starter template of a surface in both locales. */
function template(surface: Surface = 'alimtalk'): { ko: string; en: string } {
  return { ko: loadTemplate(surface, 'ko').text, en: loadTemplate(surface, 'en').text };
}

/** Replaces text that must be there (a test whose edit silently missed would prove nothing). */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the text`);
  return text.replace(from, to);
}

function changeOf(c: VersionComparison, id: string, locale: 'ko' | 'en') {
  return c.elements.find((e) => e.id === id && e.locale === locale)!;
}

// Base texts with literal figures and settings path (what an operator writes once the variables are filled in).
const BASE = (() => {
  const t = template();
  return {
    ko: edit(edit(edit(t.ko, '{{first_message_kb}}KB', '15킬로바이트'), '{{later_message_kb}}KB', '2KB'), '{{settings_path}}', '카카오톡 설정 > 알림'),
    en: edit(edit(edit(t.en, '{{first_message_kb}} KB', '15 KB'), '{{later_message_kb}} KB', '2 KB'), '{{settings_path}}', 'Settings > Notifications'),
  };
})();

describe('substance', () => {
  it('sets aside spacing, punctuation, Markdown markers, case and width', () => {
    expect(substance('**These messages use  mobile data.**')).toBe(substance('these messages use mobile data'));
    expect(substance('약 15 KB')).toBe(substance('약 15KB'));
    expect(substance('１５ＫＢ')).toBe(substance('15kb'));
    expect(substance('1,000원')).toBe(substance('1000원'));
    expect(substance('1. Turn them off.\n2. Reply STOP.')).toBe(substance('- Turn them off.\n- Reply STOP.'));
  });

  it('keeps amounts, decimal points and currency signs', () => {
    expect(substance('2 KB')).not.toBe(substance('20 KB'));
    expect(substance('1.5 KB')).not.toBe(substance('15 KB'));
    expect(substance('₩15')).not.toBe(substance('$15'));
    expect(substance('15킬로바이트')).not.toBe(substance('150킬로바이트'));
  });
});

describe('compareVersions', () => {
  it('finds nothing between a version and an identical one', () => {
    const c = compareVersions(version(1, BASE), version(2, BASE));
    expect(c.from).toBe(1);
    expect(c.to).toBe(2);
    expect(c.askAgain).toBe(false);
    expect(c.askAgainElements).toEqual([]);
    expect(c.findings).toEqual([]);
    expect(c.elements.every((e) => e.change === 'unchanged' && !e.substantive)).toBe(true);
    expect(c.elements.map((e) => `${e.locale}:${e.id}`)).toEqual([
      'ko:service-description',
      'ko:data-charges',
      'ko:how-to-refuse',
      'ko:refusal-consequences',
      'en:service-description',
      'en:data-charges',
      'en:how-to-refuse',
      'en:refusal-consequences',
    ]);
    expect(c.text.ko).toEqual([{ kind: 'same', text: BASE.ko }]);
    expect(c.title).toEqual([{ kind: 'same', text: '알림톡 안내' }]);
  });

  it('does not ask again for cosmetic changes in English (spacing, punctuation, bolding)', () => {
    let en = edit(BASE.en, '15 KB', '15KB');
    en = edit(en, 'data, and data charges may apply', 'data,  and data charges may apply');
    en = edit(en, 'If you turn them off, you can still use our service.', '**If you turn them off you can still use our service!**');
    en = edit(en, '**To stop these messages, turn them off in Settings > Notifications at any time.**', 'To stop these messages, turn them off in Settings > Notifications at any time.');
    const c = compareVersions(version(1, BASE), version(2, { ko: BASE.ko, en }));
    expect(c.askAgain).toBe(false);
    expect(c.askAgainElements).toEqual([]);
    for (const id of ['data-charges', 'how-to-refuse', 'refusal-consequences']) {
      expect(changeOf(c, id, 'en')).toMatchObject({ change: 'changed', substantive: false });
    }
    expect(changeOf(c, 'refusal-consequences', 'en').after).toContain('**If you turn them off you can still use our service!**');
    expect(c.text.en.some((p) => p.kind === 'added')).toBe(true);
  });

  it('does not ask again for cosmetic changes in Korean (spacing, punctuation, bolding)', () => {
    let ko = edit(BASE.ko, '약 2KB를', '약 2 KB를');
    ko = edit(ko, '알림을 꺼도 서비스는 그대로 이용할 수 있고,', '**알림을 꺼도 서비스는 그대로 이용할 수 있고**');
    ko = edit(ko, '언제든 끌 수 있습니다.', '언제든  끌 수 있습니다!');
    const c = compareVersions(version(1, BASE), version(2, { ko, en: BASE.en }));
    expect(c.askAgain).toBe(false);
    for (const id of ['data-charges', 'how-to-refuse', 'refusal-consequences']) {
      expect(changeOf(c, id, 'ko')).toMatchObject({ change: 'changed', substantive: false });
    }
  });

  it('does not ask again when only the service description changes, though it changed in substance', () => {
    const en = edit(BASE.en, 'order and delivery updates', 'order, payment and delivery updates');
    const c = compareVersions(version(1, BASE), version(2, { ko: BASE.ko, en }));
    expect(changeOf(c, 'service-description', 'en')).toMatchObject({ change: 'changed', substantive: true });
    expect(c.askAgain).toBe(false);
  });

  it('asks again when an amount changes: "2 KB" → "20 KB" in English', () => {
    const c = compareVersions(version(1, BASE), version(2, { ko: BASE.ko, en: edit(BASE.en, 'about 2 KB', 'about 20 KB') }));
    expect(c.askAgain).toBe(true);
    expect(c.askAgainElements).toEqual([{ id: 'data-charges', locale: 'en' }]);
    const change = changeOf(c, 'data-charges', 'en');
    expect(change).toMatchObject({ change: 'changed', substantive: true });
    expect(change.before).toContain('2 KB');
    expect(change.after).toContain('20 KB');
  });

  it('asks again when an amount changes: "15킬로바이트" → "150킬로바이트" in Korean', () => {
    const c = compareVersions(version(1, BASE), version(2, { ko: edit(BASE.ko, '15킬로바이트', '150킬로바이트'), en: BASE.en }));
    expect(c.askAgain).toBe(true);
    expect(c.askAgainElements).toEqual([{ id: 'data-charges', locale: 'ko' }]);
    expect(c.text.ko.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '15' },
      { kind: 'added', text: '150' },
    ]);
  });

  it('asks again when the way to refuse changes, in either locale', () => {
    const en = edit(BASE.en, 'turn them off in Settings > Notifications at any time', 'reply STOP at any time');
    const ko = edit(BASE.ko, '카카오톡 설정 > 알림에서 언제든 끌 수 있습니다', "'거부'라고 답장하면 언제든 끌 수 있습니다");
    const both = compareVersions(version(1, BASE), version(2, { ko, en }));
    expect(both.askAgain).toBe(true);
    expect(both.askAgainElements).toEqual([
      { id: 'how-to-refuse', locale: 'ko' },
      { id: 'how-to-refuse', locale: 'en' },
    ]);
    expect(compareVersions(version(1, BASE), version(2, { ko, en: BASE.en })).askAgainElements).toEqual([{ id: 'how-to-refuse', locale: 'ko' }]);
  });

  it('asks again when what refusing means changes', () => {
    const ko = edit(BASE.ko, '서비스는 그대로 이용할 수 있고', '일부 서비스를 이용할 수 없고');
    const c = compareVersions(version(1, BASE), version(2, { ko, en: BASE.en }));
    expect(c.askAgainElements).toEqual([{ id: 'refusal-consequences', locale: 'ko' }]);
  });

  it('asks again when an element is removed or added, and reports which', () => {
    const en = edit(BASE.en, 'If you turn them off, you can still use our service. You can see your orders in the app.', 'Thank you.');
    const v1 = version(1, BASE);
    const v2 = version(2, { ko: BASE.ko, en });
    expect(v2.checks.en.elements.find((e) => e.id === 'refusal-consequences')!.present).toBe(false);
    const removed = compareVersions(v1, v2);
    expect(changeOf(removed, 'refusal-consequences', 'en')).toMatchObject({ change: 'removed', substantive: true, after: '' });
    expect(removed.askAgainElements).toEqual([{ id: 'refusal-consequences', locale: 'en' }]);
    const added = compareVersions(v2, v1);
    expect(changeOf(added, 'refusal-consequences', 'en')).toMatchObject({ change: 'added', substantive: true, before: '' });
    expect(added.askAgain).toBe(true);
  });

  it('reports findings that appeared or went, not ones that only moved, and leaves out missing elements', () => {
    const withFindings = {
      ko: `${BASE.ko}\n\n{{unknown_thing}} 특가 안내`,
      en: `${BASE.en}\n\nSee {{unknown_thing}} for a special offer.`,
    };
    const v1 = version(1, BASE);
    const v2 = version(2, withFindings);
    const appeared = compareVersions(v1, v2);
    expect(appeared.findings.map((f) => `${f.locale}:${f.rule}:${f.change}`).sort()).toEqual([
      'en:advertising:appeared',
      'en:unknown-variable:appeared',
      'ko:advertising:appeared',
      'ko:unknown-variable:appeared',
    ]);
    expect(appeared.findings.find((f) => f.rule === 'unknown-variable')!.message).toContain('unknown_thing');
    expect(compareVersions(v2, v1).findings.every((f) => f.change === 'gone')).toBe(true);
    // The same findings moved down by a new first line: nothing appeared or went.
    const moved = version(3, { ko: `# 안내\n\n${withFindings.ko}`, en: `# Notice\n\n${withFindings.en}` });
    expect(compareVersions(v2, moved).findings).toEqual([]);
    // A missing element is reported in `elements`, not again as a finding.
    const noRefusal = version(4, { ko: BASE.ko, en: edit(BASE.en, 'If you turn them off, you can still use our service. You can see your orders in the app.', '') });
    expect(noRefusal.checks.en.findings.some((f) => f.rule === 'refusal-consequences')).toBe(true);
    expect(compareVersions(v1, noRefusal).findings).toEqual([]);
  });

  it('compares the starter templates of every surface without raising the flag for themselves', () => {
    for (const surface of ['alimtalk', 'consent-prompt', 'install', 'settings', 'terms', 'url-notice'] as const) {
      const t = template(surface);
      const c = compareVersions(version(1, t, surface), version(2, { ko: `${t.ko}\n`, en: ` ${t.en}` }, surface));
      expect(c.askAgain).toBe(false);
      expect(c.elements.length).toBeGreaterThan(0);
    }
  });

  it('asks again when a figure changed through a variable value, the text being the same', () => {
    const t = template();
    const checks = (locale: 'ko' | 'en', text: string, laterKb: string) =>
      checkDisclosure(text, { locale, surface: 'alimtalk', rules: loadRuleSet(locale), wordLists: loadWordLists(locale), variables: { ...variableValues(locale), later_message_kb: laterKb } });
    const v1 = version(1, t);
    const v2 = version(2, t);
    v2.checks.ko = checks('ko', t.ko, '20');
    v2.checks.en = checks('en', t.en, '20');
    const c = compareVersions(v1, v2);
    expect(c.text.ko).toEqual([{ kind: 'same', text: t.ko }]);
    // Korean evidence holds the later-message figure; English evidence does not (it is in the next sentence).
    expect(c.askAgainElements).toEqual([{ id: 'data-charges', locale: 'ko' }]);
  });

  it('judges the lines around the evidence, so evidence that took in the next sentence is no change', () => {
    let en = edit(BASE.en, '**To stop these messages, turn them off in Settings > Notifications at any time.**', 'To stop these messages, turn them off in Settings > Notifications at any time.');
    en = edit(en, 'If you turn them off, you can still use our service.', '**If you turn them off, you can still use our service.**');
    const v1 = version(1, BASE);
    const v2 = version(2, { ko: BASE.ko, en });
    const evidence = (v: DisclosureVersion) => v.checks.en.elements.find((e) => e.id === 'how-to-refuse')!.text;
    expect(evidence(v2)).not.toBe(evidence(v1));
    const change = changeOf(compareVersions(v1, v2), 'how-to-refuse', 'en');
    expect(change).toMatchObject({ change: 'changed', substantive: false });
    expect(change.before).toContain('If you turn them off');
  });

  it('asks again on a figure changed in a list item of the terms template, not on renumbering', () => {
    const t = template('terms');
    const v1 = version(1, t, 'terms');
    const renumbered = version(2, { ko: t.ko.replace(/^(\d+)\./gmu, (_, n: string) => `${Number(n) + 10}.`), en: t.en }, 'terms');
    expect(compareVersions(v1, renumbered).askAgain).toBe(false);
    const changed = version(3, { ko: edit(t.ko, '{{later_message_kb}}KB', '20KB'), en: t.en }, 'terms');
    expect(compareVersions(v1, changed).askAgainElements).toEqual([{ id: 'data-charges', locale: 'ko' }]);
  });

  it('diffs the title, in Korean or English words', () => {
    const c = compareVersions(version(1, BASE, 'alimtalk', '알림톡 데이터 안내'), version(2, BASE, 'alimtalk', '알림톡 데이터 요금 안내'));
    expect(c.title).toEqual([
      { kind: 'same', text: '알림톡 데이터 ' },
      { kind: 'added', text: '요금 ' },
      { kind: 'same', text: '안내' },
    ]);
    const en = compareVersions(version(1, BASE, 'alimtalk', 'Data notice'), version(2, BASE, 'alimtalk', 'Data charges notice'));
    expect(en.title.filter((p) => p.kind === 'added')).toEqual([{ kind: 'added', text: 'charges ' }]);
  });
});
