import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../../electron/backend/disclosures/resources.ts';
import { distance32 } from '../../../shared/review/anchor-score.ts';
import { fuzzyThreshold, makeAnchor, placeAnchor, placeThreads } from '../../../shared/review/anchor.ts';
import { REVIEW_LIMITS, type Anchor, type ReviewThread } from '../../../shared/review/types.ts';

const EN = loadTemplate('alimtalk', 'en').text;
const KO = loadTemplate('alimtalk', 'ko').text;

/** An anchor on the first occurrence of `quote` in `text`. */
function anchorOn(text: string, quote: string, locale: 'ko' | 'en' = 'en', from = 0): Anchor {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return makeAnchor(text, locale, start, start + quote.length);
}

/** The words a placed anchor covers. */
function placedText(text: string, anchor: Anchor): { state: string; text: string | null } {
  const p = placeAnchor(text, anchor);
  return { state: p.state, text: p.start === null ? null : text.slice(p.start, p.end!) };
}

/** A deterministic pseudo-random generator (tests must not depend on Math.random). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

describe('makeAnchor', () => {
  it('keeps the quote, its range and up to 32 code units of context on each side', () => {
    const a = anchorOn(EN, 'data charges may apply');
    expect(a.quote).toBe('data charges may apply');
    expect(EN.slice(a.start, a.end)).toBe(a.quote);
    expect(a.prefix).toBe(EN.slice(a.start - REVIEW_LIMITS.context, a.start));
    expect(a.suffix).toBe(EN.slice(a.end, a.end + REVIEW_LIMITS.context));
    expect(a.locale).toBe('en');
  });

  it('keeps shorter context at the start and end of the text', () => {
    const a = makeAnchor('Hello world', 'en', 0, 5);
    expect(a.prefix).toBe('');
    expect(a.suffix).toBe(' world');
  });

  it('never cuts a surrogate pair in the context', () => {
    // 31 letters, then an emoji (2 code units): 32 units back from the quote falls inside the emoji.
    const text = `x😀${'a'.repeat(31)}QUOTE${'b'.repeat(31)}😀y`;
    const start = text.indexOf('QUOTE');
    const a = makeAnchor(text, 'en', start, start + 5);
    expect(a.prefix).toBe('a'.repeat(31));
    expect(a.suffix).toBe('b'.repeat(31));
    const whole = makeAnchor(`😀${'a'.repeat(30)}Q`, 'en', 32, 33);
    expect(whole.prefix).toBe(`😀${'a'.repeat(30)}`);
  });

  it('refuses a range outside the text, an empty range and an over-long quote', () => {
    expect(() => makeAnchor('abc', 'en', 2, 5)).toThrow(RangeError);
    expect(() => makeAnchor('abc', 'en', 1, 1)).toThrow(RangeError);
    expect(() => makeAnchor('abc', 'en', -1, 2)).toThrow(RangeError);
    const long = 'x'.repeat(REVIEW_LIMITS.quote + 1);
    expect(() => makeAnchor(long, 'en', 0, long.length)).toThrow(RangeError);
    expect(makeAnchor(long, 'en', 0, REVIEW_LIMITS.quote).quote).toHaveLength(REVIEW_LIMITS.quote);
  });
});

describe('placeAnchor', () => {
  it('finds an anchor exactly where it was in the same text', () => {
    const a = anchorOn(KO, '데이터 요금이 들 수 있습니다', 'ko');
    expect(placeAnchor(KO, a)).toEqual({ state: 'exact', start: a.start, end: a.end });
  });

  it('follows the words when text is added or removed before them (English and Korean)', () => {
    const en = anchorOn(EN, 'turn them off in {{settings_path}}');
    const enEdited = `**Notice.** ${EN.replace('We send you order and delivery updates by AlimTalk.', 'We send you updates.')}`;
    expect(placedText(enEdited, en)).toEqual({ state: 'exact', text: en.quote });

    const ko = anchorOn(KO, '언제든 끌 수 있습니다', 'ko');
    const koEdited = `## 알림톡 안내\n\n${KO.replace('주문하신 상품의 ', '')}`;
    expect(placedText(koEdited, ko)).toEqual({ state: 'exact', text: ko.quote });
  });

  it('stays put when text after the words changes (English and Korean)', () => {
    const en = anchorOn(EN, 'These messages use mobile data');
    expect(placeAnchor(`${EN}\n\nQuestions? Write to us.`, en)).toEqual({ state: 'exact', start: en.start, end: en.end });
    const ko = anchorOn(KO, '알림톡을 받으면 데이터 요금이', 'ko');
    expect(placeAnchor(KO.replace('앱에서 확인할 수 있습니다', '앱에서 볼 수 있습니다'), ko)).toEqual({ state: 'exact', start: ko.start, end: ko.end });
  });

  it('re-attaches approximately when the words themselves were edited a little (English)', () => {
    const a = anchorOn(EN, 'If you turn them off, you can still use our service.');
    const edited = EN.replace('you can still use our service', 'you can still use all of our service');
    expect(placedText(edited, a)).toEqual({ state: 'fuzzy', text: 'If you turn them off, you can still use all of our service.' });
  });

  it('re-attaches approximately when a syllable inside an eojeol changed (Korean)', () => {
    const a = anchorOn(KO, '알림을 꺼도 서비스는 그대로 이용할 수 있고', 'ko');
    const edited = KO.replace('알림을 꺼도 서비스는', '알림을 끄더라도 서비스를');
    expect(placedText(edited, a)).toEqual({ state: 'fuzzy', text: '알림을 끄더라도 서비스를 그대로 이용할 수 있고' });
  });

  it('orphans an anchor whose words were deleted or rewritten (English and Korean)', () => {
    const en = anchorOn(EN, 'On Wi-Fi, you pay nothing.');
    expect(placeAnchor(EN.replace('On Wi-Fi, you pay nothing.', ''), en)).toEqual({ state: 'orphaned', start: null, end: null });
    expect(placeAnchor(EN.replace('On Wi-Fi, you pay nothing.', 'Roaming abroad costs extra.'), en).state).toBe('orphaned');
    const ko = anchorOn(KO, '와이파이로 받으면 데이터 요금이 들지 않습니다.', 'ko');
    expect(placeAnchor(KO.replace('와이파이로 받으면 데이터 요금이 들지 않습니다.', ''), ko).state).toBe('orphaned');
    expect(placeAnchor('', ko).state).toBe('orphaned');
  });

  it('places a quote of three code units or fewer only exactly', () => {
    expect(fuzzyThreshold(3)).toBe(0);
    const a = anchorOn(KO, '요금제', 'ko');
    expect(placeAnchor(KO.replace('요금제', '요금표'), a).state).toBe('orphaned');
  });

  it('follows a moved paragraph', () => {
    const paragraphs = EN.split('\n\n');
    const a = anchorOn(EN, 'To stop these messages');
    const moved = [paragraphs[2], paragraphs[0], paragraphs[1]].join('\n\n');
    expect(placedText(moved, a)).toEqual({ state: 'exact', text: 'To stop these messages' });
    expect(placeAnchor(moved, a).start).toBe(moved.indexOf('To stop'));
  });

  it('follows a paragraph moved far away and edited, widening the range to whole words', () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(100);
    const text = `${filler}\n\nWe never share your phone number with advertisers or partners.\n\n${filler}`;
    const a = anchorOn(text, 'We never share your phone number with advertisers');
    const moved = `We will never share your phone number with advertisers or partners.\n\n${filler}\n\n${filler}`;
    // The closest approximate match is "ll never share…" (2 errors, not 5): widened to the whole word.
    expect(placedText(moved, a)).toEqual({ state: 'fuzzy', text: 'will never share your phone number with advertisers' });
  });

  it('tells repeated words apart by their context', () => {
    const text = 'Orders: data charges may apply to each order.\n\nDeliveries: data charges may apply to each parcel.';
    const second = anchorOn(text, 'data charges may apply', 'en', 20);
    const first = anchorOn(text, 'data charges may apply');
    const swapped = 'Deliveries: data charges may apply to each parcel.\n\nOrders: data charges may apply to each order.';
    expect(placeAnchor(swapped, second).start).toBe(swapped.indexOf('data charges'));
    expect(placeAnchor(swapped, first).start).toBe(swapped.lastIndexOf('data charges'));
    // Both occurrences still there but the text before them changed: context still decides.
    const edited = `Read this first.\n\n${text.replace('Orders:', 'Your orders:')}`;
    expect(placeAnchor(edited, second).start).toBe(edited.lastIndexOf('data charges'));
    expect(placeAnchor(edited, first).start).toBe(edited.indexOf('data charges'));
  });

  it('of two occurrences with the same context, keeps the nearer one', () => {
    const line = 'You can turn them off at any time.\n';
    const text = line.repeat(4);
    const third = makeAnchor(text, 'en', line.length * 2, line.length * 2 + 12);
    expect(placeAnchor(`x${text}`, third).start).toBe(line.length * 2 + 1);
  });

  it('handles emoji: exact through surrogate pairs, and fuzzy ranges never split one', () => {
    const text = 'Tap 👍🏽 to keep them, or tap 🚫 to stop these messages.';
    const a = anchorOn(text, 'tap 🚫 to stop');
    expect(placedText(`🎉 ${text}`, a)).toEqual({ state: 'exact', text: 'tap 🚫 to stop' });
    const edited = text.replace('🚫', '⛔️');
    const p = placeAnchor(edited, a);
    expect(p.state).toBe('fuzzy');
    const isLone = (code: number) => code >= 0xd800 && code <= 0xdfff;
    expect(isLone(edited.charCodeAt(p.start!)) && !isLone(edited.charCodeAt(p.start! - 1))).toBe(false);
    expect(edited.slice(p.start!, p.end!)).toContain('⛔️');
    // An emoji changed right at the edge of the quote: the placed range still holds whole characters.
    const b = anchorOn(text, '🚫 to stop these');
    const c = placeAnchor(text.replace('🚫', '😀'), b);
    expect(c.state).toBe('fuzzy');
    expect(text.replace('🚫', '😀').slice(c.start!, c.end!)).toBe('😀 to stop these');
  });

  it('places a quote as long as REVIEW_LIMITS.quote, exactly and after an edit inside it', () => {
    const words = ['데이터', '요금이', '들', '수', '있습니다', 'message', 'uses', 'about', 'KB'];
    const rnd = random(11);
    let text = '';
    while (text.length < 6000) text += `${words[Math.floor(rnd() * words.length)]} `;
    const start = 1500;
    const a = makeAnchor(text, 'ko', start, start + REVIEW_LIMITS.quote);
    const before = '앞에 붙인 글. ';
    expect(placeAnchor(before + text, a)).toMatchObject({ state: 'exact', start: start + before.length });
    const inserted = '전혀 새로운 문장이 여기에 들어갔습니다.';
    const edited = `${text.slice(0, start + 1000)}${inserted}${text.slice(start + 1040)}`;
    const p = placeAnchor(edited, a);
    expect(p.state).toBe('fuzzy');
    expect(Math.abs(p.start! - start)).toBeLessThan(5);
    expect(Math.abs(p.end! - (start + REVIEW_LIMITS.quote - 40 + inserted.length))).toBeLessThan(5);
    // Moved far away as well: found by its seeds.
    const cut = p.end! + 100;
    const far = `${edited.slice(cut)}\n\n${edited.slice(0, cut)}`;
    const q = placeAnchor(far, a);
    expect(q).toMatchObject({ state: 'fuzzy', start: p.start! + far.length - cut });
    expect(Math.abs(q.end! - (p.end! + far.length - cut))).toBeLessThan(5);
  });

  it('places a few hundred anchors on a 100,000-character text quickly', () => {
    const words = ['알림톡을', '받으면', '데이터', '요금이', '들', '수', '있습니다.', 'The', 'first', 'message', 'uses', 'about', '15', 'KB.', 'Settings', '>', 'Notifications'];
    const rnd = random(7);
    let text = '';
    while (text.length < 100_000) text += words[Math.floor(rnd() * words.length)] + (rnd() < 0.08 ? '\n\n' : ' ');
    const anchors: Anchor[] = [];
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(rnd() * (text.length - 400));
      anchors.push(makeAnchor(text, 'ko', start, start + 6 + Math.floor(rnd() * (i % 10 === 0 ? 300 : 60))));
    }
    // 200 small edits all over the text, 40 deleted passages: most anchors shift, some are edited, some orphaned.
    let edited = text;
    for (let k = 0; k < 200; k++) {
      const at = Math.floor(rnd() * edited.length);
      edited = `${edited.slice(0, at)}추가${edited.slice(at + 1)}`;
    }
    for (let k = 0; k < 40; k++) {
      const at = Math.floor(rnd() * (edited.length - 300));
      edited = edited.slice(0, at) + edited.slice(at + 250);
    }
    // The fastest of two runs: the first includes compiling the hot loops, and others may be running tests.
    let ms = Infinity;
    let placed: ReturnType<typeof placeAnchor>[] = [];
    for (let run = 0; run < 2; run++) {
      const t0 = performance.now();
      placed = anchors.map((a) => placeAnchor(edited, a));
      ms = Math.min(ms, performance.now() - t0);
    }
    const states = { exact: 0, fuzzy: 0, orphaned: 0 };
    for (const p of placed) states[p.state]++;
    expect(states.exact).toBeGreaterThan(150);
    expect(states.fuzzy).toBeGreaterThan(0);
    expect(states.orphaned).toBeGreaterThan(0);
    // Typically 50–70 ms for this hard case (57 anchors edited or deleted, a 17-word vocabulary); the bound leaves room for a busy machine.
    expect(ms).toBeLessThan(200);
    for (const [i, p] of placed.entries()) {
      if (p.state === 'exact') expect(edited.slice(p.start!, p.end!)).toBe(anchors[i]!.quote);
    }
  });
});

describe('placeThreads', () => {
  it('places each thread on the text of its own locale', () => {
    const thread = (id: string, anchor: Anchor): ReviewThread => ({
      id,
      disclosureId: 1,
      versionNumber: 1,
      anchor,
      status: 'open',
      author: 'Kim',
      createdAt: 0,
      resolvedAt: null,
      resolvedBy: null,
      deletedAt: null,
      origin: 'app',
      comments: [],
    });
    const ko = anchorOn(KO, '언제든 끌 수 있습니다', 'ko');
    const en = anchorOn(EN, 'On Wi-Fi, you pay nothing.');
    const placed = placeThreads({ ko: `머리말\n\n${KO}`, en: EN.replace('On Wi-Fi, you pay nothing.', '') }, [thread('a', ko), thread('b', en)]);
    expect(placed.map((t) => [t.id, t.placed.state])).toEqual([
      ['a', 'exact'],
      ['b', 'orphaned'],
    ]);
    expect(placed[0]!.placed.start).toBe(ko.start + '머리말\n\n'.length);
    expect(placed[0]!.comments).toEqual([]);
  });
});

describe('distance32', () => {
  it('agrees with the textbook edit distance', () => {
    const plain = (a: string, b: string) => {
      const row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
          const up = row[j]!;
          row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
          diagonal = up;
        }
      }
      return row[b.length]!;
    };
    const rnd = random(5);
    const letters = 'ab가나 😀';
    const word = (max: number) => Array.from({ length: Math.floor(rnd() * max) }, () => letters[Math.floor(rnd() * letters.length)]).join('').slice(0, max);
    for (let n = 0; n < 2000; n++) {
      const a = word(32).slice(0, 32);
      const b = word(40);
      const masks = new Map<number, number>();
      for (let i = 0; i < a.length; i++) masks.set(a.charCodeAt(i), (masks.get(a.charCodeAt(i)) ?? 0) | (1 << i));
      expect(distance32(a, masks, b)).toBe(plain(a, b));
    }
  });
});
