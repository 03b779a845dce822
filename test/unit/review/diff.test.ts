import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../electron/backend/disclosures/resources.ts';
import type { Locale } from '../../../shared/disclosures/types.ts';
import { diffWords, wordTokens } from '../../../shared/review/diff.ts';
import type { DiffPart } from '../../../shared/review/types.ts';

/** The diff written the way a reviewer reads it: [-removed-]{+added+}. */
function show(parts: DiffPart[]): string {
  return parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

/** The invariants of every diff: both texts come back, no empty parts, neighbours differ, removal before addition. */
function expectWellFormed(before: string, after: string, parts: DiffPart[]): void {
  expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
  expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
  for (const [i, p] of parts.entries()) {
    expect(p.text).not.toBe('');
    if (i > 0) expect(parts[i - 1]!.kind).not.toBe(p.kind);
    if (i > 0 && p.kind === 'removed') expect(parts[i - 1]!.kind).not.toBe('added');
  }
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** The fastest of three runs, in ms (the first includes compiling the hot loops; others may be running tests). */
function timed<T>(run: () => T): { result: T; ms: number } {
  let ms = Infinity;
  let result: T | undefined;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { result: result!, ms };
}

/** The six starter templates of a locale, repeated to `length` code units. */
function longText(locale: Locale, length: number): string {
  const base = loadTemplates()
    .filter((t) => t.locale === locale)
    .map((t) => t.text)
    .join('\n\n');
  let text = '';
  while (text.length < length) text += `${base}\n\n`;
  return text.slice(0, length);
}

describe('diffWords', () => {
  it('shows a Korean change inside an eojeol as only the syllables that changed', () => {
    const before = '알림톡을 받으면 데이터 요금이 들 수 있습니다.';
    const parts = diffWords(before, '알림톡을 받아도 데이터 요금이 들 수 있습니다.', 'ko');
    expect(show(parts)).toBe('알림톡을 받[-으면-]{+아도+} 데이터 요금이 들 수 있습니다.');
    expect(show(diffWords('데이터를 씁니다', '데이터가 씁니다', 'ko'))).toBe('데이터[-를-]{+가+} 씁니다');
    expect(show(diffWords('이용할 수 있습니다.', '이용할 수 없습니다.', 'ko'))).toBe('이용할 수 [-있-]{+없+}습니다.');
  });

  it('shows a changed Korean amount as the number, not as an inserted digit', () => {
    expect(show(diffWords('한 건에 약 2KB를 씁니다.', '한 건에 약 20KB를 씁니다.', 'ko'))).toBe('한 건에 약 [-2KB-]{+20KB+}를 씁니다.');
    expect(show(diffWords('처음에 15킬로바이트를 씁니다.', '처음에 150킬로바이트를 씁니다.', 'ko'))).toBe('처음에 [-15-]{+150+}킬로바이트를 씁니다.');
  });

  it('keeps a Korean change to its words: the rest of the line stays the same', () => {
    const before = '**알림톡을 받고 싶지 않으면 카카오톡 설정 > 알림에서 언제든 끌 수 있습니다.**';
    const after = '**알림톡을 받고 싶지 않으면 "거부"라고 답장하면 언제든 끌 수 있습니다.**';
    const parts = diffWords(before, after, 'ko');
    expect(show(parts)).toBe('**알림톡을 받고 싶지 않으면 [-카카오톡 설정 > 알림에서-]{+"거부"라고 답장하면+} 언제든 끌 수 있습니다.**');
    expectWellFormed(before, after, parts);
  });

  it('shows an English word change as whole words', () => {
    expect(show(diffWords('The first message uses about 15 KB.', 'The first message uses about 150 KB.', 'en'))).toBe(
      'The first message uses about [-15-]{+150+} KB.',
    );
    expect(show(diffWords('He charges 2 KB', 'He charged 2 KB', 'en'))).toBe('He [-charges-]{+charged+} 2 KB');
    expect(show(diffWords('Turn them off in Settings > Notifications at any time.', 'Reply STOP at any time.', 'en'))).toBe(
      '[-Turn them off in Settings > Notifications-]{+Reply STOP+} at any time.',
    );
  });

  it('shows a whitespace-only change as whitespace', () => {
    const parts = diffWords('Data  charges may apply.\nOn Wi-Fi, you pay nothing.', 'Data charges may apply.\n\nOn Wi-Fi, you pay nothing.', 'en');
    expect(show(parts)).toBe('Data[-  -]{+ +}charges may apply.{+\n+}\nOn Wi-Fi, you pay nothing.');
    expect(show(diffWords('요금이 들 수 있습니다.', '요금이  들 수 있습니다. ', 'ko'))).toBe('요금이[- -]{+  +}들 수 있습니다.{+ +}');
  });

  it('never splits an emoji or a grapheme cluster', () => {
    expect(show(diffWords('받지 않기 😀 버튼', '받지 않기 👍🏽 버튼', 'ko'))).toBe('받지 않기 [-😀-]{+👍🏽+} 버튼');
    expect(show(diffWords('좋아요👍 눌러', '좋아요👍🏽 눌러', 'ko'))).toBe('좋아요[-👍-]{+👍🏽+} 눌러');
  });

  it('handles equal, empty and one-sided texts', () => {
    expect(diffWords('', '', 'ko')).toEqual([]);
    expect(diffWords('같은 글', '같은 글', 'ko')).toEqual([{ kind: 'same', text: '같은 글' }]);
    expect(diffWords('', 'New text.', 'en')).toEqual([{ kind: 'added', text: 'New text.' }]);
    expect(diffWords('Old text.', '', 'en')).toEqual([{ kind: 'removed', text: 'Old text.' }]);
  });

  it('tokenizes so that the tokens give back the text', () => {
    for (const t of loadTemplates()) expect(wordTokens(t.text, t.locale).join('')).toBe(t.text);
    expect(wordTokens('데이터 요금이', 'ko')).toEqual(['데이터', ' ', '요금이']);
  });

  it('is well formed and minimal on random edits of the templates (both locales)', () => {
    const rnd = random(3);
    for (const t of loadTemplates()) {
      for (let round = 0; round < 5; round++) {
        const tokens = wordTokens(t.text, t.locale);
        const edited = tokens
          .map((w) => {
            const r = rnd();
            if (r < 0.05) return '';
            if (r < 0.1) return `${w}새`;
            if (r < 0.15) return 'new';
            return w;
          })
          .join('');
        const parts = diffWords(t.text, edited, t.locale);
        expectWellFormed(t.text, edited, parts);
        // No more changed than a plain word diff (the Korean refinement only ever narrows).
        const changed = parts.filter((p) => p.kind !== 'same').reduce((n, p) => n + p.text.length, 0);
        const reference = diffArrays(tokens, wordTokens(edited, t.locale))
          .filter((c) => c.added || c.removed)
          .reduce((n, c) => n + c.value.join('').length, 0);
        expect(changed).toBeLessThanOrEqual(reference + 40);
      }
    }
  });

  it('diffs 20,000-character texts edited throughout in well under 200 ms, word by word', () => {
    for (const locale of ['ko', 'en'] as const) {
      const before = longText(locale, 20_000);
      const rnd = random(9);
      const after = wordTokens(before, locale)
        .map((w) => (rnd() < 0.1 && w.trim() ? (rnd() < 0.5 ? 'CHANGED' : `${w}요`) : w))
        .join('');
      const { result: parts, ms } = timed(() => diffWords(before, after, locale));
      expectWellFormed(before, after, parts);
      expect(parts.some((p) => p.kind === 'added' && p.text === 'CHANGED')).toBe(true);
      // Typically 10–40 ms; the bound leaves room for a busy test machine.
      expect(ms).toBeLessThan(200);
    }
  });

  it('falls back to a coarser diff for very different long texts, still fast and well formed', () => {
    const rnd = random(4);
    for (const locale of ['ko', 'en'] as const) {
      const before = longText(locale, 20_000);
      // The same words shuffled within every line: every line changed, far too many word edits.
      const shuffled = before
        .split('\n')
        .map((line) => line.split(' ').sort(() => rnd() - 0.5).join(' '))
        .join('\n');
      const unrelated = Array.from({ length: 20_000 }, () => 'abcdefghij klmnop가나다라. '[Math.floor(rnd() * 22)]).join('');
      for (const after of [shuffled, unrelated, `${before.slice(10_000)}${before.slice(0, 10_000)}`]) {
        const { result: parts, ms } = timed(() => diffWords(before, after, locale));
        expectWellFormed(before, after, parts);
        expect(ms).toBeLessThan(200);
      }
      expect(diffWords(before, unrelated, locale)).toHaveLength(2);
    }
  });
});
