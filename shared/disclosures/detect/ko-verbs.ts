/**
 * A small model of Korean verb endings: from a verb's dictionary form (끄다, 거부하다, 받지 않다) it
 * builds one regular expression that finds the verb through its endings and honorifics (끄면, 꺼도,
 * 끌 수, 끕니다, 끄시면, 껐다, 끄는 경우, 거부하더라도, 거부해도, 거부하셔도, 받지 않으시면…), without
 * a dictionary or a morphological analyser. The stem is conjugated by rule: the infinitive (-아/-어)
 * with its vowel contractions and the 하, 으, 르 irregulars, and the ㄴ/ㄹ/ㅁ/ㅂ endings merged into
 * the last syllable.
 */

const BASE = 0xac00;
const T_N = 4;
const T_L = 8;
const T_B = 17;
const T_SS = 20;
const V = { a: 0, ae: 1, eo: 4, e: 5, yeo: 6, o: 8, wa: 9, wae: 10, oe: 11, u: 13, wo: 14, wi: 16, eu: 18, i: 20, ya: 2 };

interface Syllable {
  l: number;
  v: number;
  t: number;
}

function split(ch: string): Syllable | null {
  const code = ch.codePointAt(0)! - BASE;
  if (code < 0 || code > 11171) return null;
  return { l: Math.floor(code / 588), v: Math.floor((code % 588) / 28), t: code % 28 };
}

function join(s: Syllable): string {
  return String.fromCodePoint(BASE + s.l * 588 + s.v * 28 + s.t);
}

/** The conjugated forms of a stem, by what may follow them. */
export interface StemForms {
  /** The bare stem: followed by an ending (-고, -지, -는, -면, -시-, -으-, -습니다…). */
  bare: string;
  /** The ending's consonant merged into the last syllable (끈, 끌, 끕; 받은, 받을, 받습): anything may follow. */
  merged: string[];
  /** The infinitive (-아/-어: 꺼, 해, 받아, 눌러): followed by -도, -서, -요, -야, 주다, 두다… */
  infinitive: string[];
  /** The past (꺼 → 껐, 해 → 했, 받아 → 받았): anything may follow. */
  past: string[];
}

/** Conjugates a verb stem (the dictionary form without 다: 끄, 거부하, 받, 누르). */
export function stemForms(stem: string): StemForms {
  const chars = [...stem];
  const last = split(chars[chars.length - 1] ?? '');
  const head = chars.slice(0, -1).join('');
  if (!last) return { bare: stem, merged: [], infinitive: [], past: [] };
  const prev = chars.length > 1 ? split(chars[chars.length - 2]!) : null;
  const bright = (v: number) => v === V.a || v === V.o || v === V.ya || v === V.wa;
  const merged: string[] = [];
  const infinitive: string[] = [];
  if (last.t === 0) {
    // Not ㅁ: its nouns collide with real nouns (알리다 → 알림).
    for (const t of [T_N, T_L, T_B]) merged.push(head + join({ ...last, t }));
    if (chars[chars.length - 1] === '하') {
      infinitive.push(head + '해', head + '하여');
    } else if (chars[chars.length - 1] === '르' && prev && prev.t === 0) {
      // 르 irregular: 누르 → 눌러, 모르 → 몰라.
      const p = join({ ...prev, t: T_L });
      infinitive.push(chars.slice(0, -2).join('') + p + (bright(prev.v) ? '라' : '러'));
    } else if (last.v === V.eu) {
      // 으 drops: 끄 → 꺼, 쓰 → 써, 모으 → 모아.
      infinitive.push(head + join({ ...last, v: prev && bright(prev.v) ? V.a : V.eo }));
    } else {
      const contracted: Record<number, number> = { [V.o]: V.wa, [V.u]: V.wo, [V.i]: V.yeo, [V.oe]: V.wae };
      const to = contracted[last.v];
      if (to !== undefined) infinitive.push(head + join({ ...last, v: to }), stem + (last.v === V.o ? '아' : '어'));
      else if ([V.a, V.ae, V.eo, V.e, V.yeo].includes(last.v)) infinitive.push(stem);
      else infinitive.push(stem + '어');
    }
  } else {
    merged.push(stem + '은', stem + '을', stem + '습');
    if (last.t === T_L) for (const t of [T_N, T_B]) merged.push(head + join({ ...last, t }));
    infinitive.push(stem + (bright(last.v) ? '아' : '어'));
  }
  const past = infinitive.map((form) => {
    const f = [...form];
    const s = split(f[f.length - 1]!)!;
    return f.slice(0, -1).join('') + join({ ...s, t: T_SS });
  });
  return { bare: stem, merged, infinitive, past };
}

/** Endings that may follow a bare stem ending in a vowel / in a consonant. */
const AFTER_VOWEL = '고|지|는|기|게|겠|다|더|던|네|든|도록|면|며|시|실|신|십|심|셨|세|셔|니|나|려|러|자|오';
const AFTER_CONSONANT = '고|지|는|기|게|겠|다|더|던|네|든|도록|으|자|니|나';
/** What may follow an infinitive: 꺼도, 꺼서, 꺼요, 꺼야, 꺼 주세요, 꺼 두면, 해 보세요… */
const AFTER_INFINITIVE = '도|서|요|야|라|주|줘|드|두|둬|놓|보|봐|버|지|져|(?![가-힣])';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression source that finds a Korean verb phrase in its dictionary form (끄다, 받지 않다,
 * 그만 받다) through its endings: the words before the last are matched as written (any spacing),
 * the last is conjugated.
 */
export function koreanVerbPattern(dictionaryForm: string): string {
  const words = dictionaryForm.trim().replace(/다$/u, '').split(/\s+/);
  const stem = words.pop()!;
  const f = stemForms(stem);
  const lastIsVowel = (split([...stem].pop() ?? '')?.t ?? 1) === 0;
  const alts = [
    `${escape(f.bare)}(?=${lastIsVowel ? AFTER_VOWEL : AFTER_CONSONANT})`,
    ...f.merged.map(escape),
    ...f.infinitive.map((x) => `${escape(x)}(?=${AFTER_INFINITIVE})`),
    ...f.past.map(escape),
  ];
  const prefix = words.map((w) => escape(w) + '\\s*').join('');
  // A verb must start a word (끄 in 끄면, not in 이끄는; 전하 not in 안전하게), except a 하다 verb
  // built on a noun of two syllables or more, which compounds freely (수신거부하면).
  const free = stem.endsWith('하') && [...stem].length >= 3;
  const start = words.length === 0 && !free ? '(?<![가-힣])' : '';
  return `${start}${prefix}(?:${alts.join('|')})`;
}
