/**
 * Korean particles after a value only known at run time ("'특가'은(는)" → "'특가'는"): the particle is
 * chosen from the last sound of the word before it — its last Hangul syllable's final consonant, or
 * how a digit or a Latin letter is read aloud — skipping closing quotes and brackets.
 */

/** How each digit is read (영, 일, 이, 삼…): its final consonant, '' for none. */
const DIGIT_FINAL: Record<string, string> = { '0': 'ㅇ', '1': 'ㄹ', '2': '', '3': 'ㅁ', '4': '', '5': '', '6': 'ㄱ', '7': 'ㄹ', '8': 'ㄹ', '9': '' };
/** Latin letters whose name ends in a consonant (엘, 엠, 엔, 알); the others end in a vowel. */
const LETTER_FINAL: Record<string, string> = { l: 'ㄹ', m: 'ㅁ', n: 'ㄴ', r: 'ㄹ' };
const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
/** Characters a particle may follow without being the word's sound: quotes, brackets, spaces. */
const CLOSERS = /[\s'"’”」』》〉)\]}.,…]/u;

/**
 * The final consonant of the last sound of `word` ('' after a vowel), or null when it cannot be told
 * (no Hangul, digit or Latin letter at its end).
 */
export function finalConsonant(word: string): string | null {
  const chars = [...word];
  let i = chars.length - 1;
  while (i >= 0 && CLOSERS.test(chars[i]!)) i--;
  if (i < 0) return null;
  const c = chars[i]!;
  const code = c.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) return FINALS[(code - 0xac00) % 28]!;
  if (c in DIGIT_FINAL) return DIGIT_FINAL[c]!;
  const lower = c.toLowerCase();
  if (/^[a-z]$/.test(lower)) return LETTER_FINAL[lower] ?? '';
  return null;
}

/** The particle pairs: [after a consonant, after a vowel], and the written "both" forms people use. */
const PAIRS: readonly { both: RegExp; consonant: string; vowel: string; rieulTakesVowel?: boolean }[] = [
  { both: /^(?:은\(는\)|는\(은\))/u, consonant: '은', vowel: '는' },
  { both: /^(?:이\(가\)|가\(이\))/u, consonant: '이', vowel: '가' },
  { both: /^(?:을\(를\)|를\(을\))/u, consonant: '을', vowel: '를' },
  { both: /^(?:과\(와\)|와\(과\))/u, consonant: '과', vowel: '와' },
  { both: /^\(으\)로/u, consonant: '으로', vowel: '로', rieulTakesVowel: true },
  { both: /^\(이\)라/u, consonant: '이라', vowel: '라' },
  { both: /^\(이\)나/u, consonant: '이나', vowel: '나' },
];

/** The right particle for `word`: `particle('특가', '은(는)')` → '는'; unknown sounds keep the written pair. */
export function particle(word: string, written: string): string {
  const pair = PAIRS.find((p) => p.both.test(written));
  if (!pair) return written;
  const final = finalConsonant(word);
  if (final === null) return written;
  const rest = written.replace(pair.both, '');
  const vowel = final === '' || (pair.rieulTakesVowel === true && final === 'ㄹ');
  return (vowel ? pair.vowel : pair.consonant) + rest;
}

const WRITTEN = /(은\(는\)|는\(은\)|이\(가\)|가\(이\)|을\(를\)|를\(을\)|과\(와\)|와\(과\)|\(으\)로|\(이\)라|\(이\)나)/gu;

/**
 * Resolves every written particle pair in a filled Korean text from the word before it:
 * "'특가'은(는) 광고성 표현입니다" → "'특가'는 광고성 표현입니다". Text without such pairs is returned as is.
 */
export function resolveParticles(text: string): string {
  if (!text.includes('(')) return text;
  return text.replace(WRITTEN, (written: string, _p: string, offset: number) => particle(text.slice(Math.max(0, offset - 40), offset), written));
}
