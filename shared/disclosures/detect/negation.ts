import type { Locale } from '../types.ts';

/**
 * Negation and questions: a concept said inside a negation ("cannot be turned off", "끌 수
 * 없습니다", "데이터 요금이 들지 않습니다") or only asked about ("Will this use data?") does not
 * satisfy an element.
 */

/** English words that negate what follows them in the same clause (up to three words on). */
const EN_NEGATORS = new Set([
  'not', 'never', 'cannot', "can't", 'cant', "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
  "weren't", "shouldn't", "wouldn't", "couldn't", "mustn't", 'unable', 'impossible', 'nor', 'neither',
]);
/**
 * Right after the word, a negated verb that denies the word itself: "charges do not apply", "data
 * won't be charged", "links are not collected", "you pay nothing" — not "blocking does not change
 * anything", where the negation is about something else.
 */
const EN_AFTER = /^\s*(?:(?:(?:do|does|did|will|would|can|could|may|might|shall|should|is|are|was|were)\s+(?:not|never)|don't|doesn't|won't|isn't|aren't|wasn't|weren't|never)\s+(?:be\s+|get\s+)?(?:apply|applied|charged|billed|cost|costs|count|counted|used|use|collected|stored|shown|indexed|kept|saved|required|needed|possible|available)\b|nothing\b)/iu;
/** "no" / "no longer" / "no way to" / "without" just before the word. */
const EN_NO_BEFORE = /(?:^|[^\p{L}])(?:no|no\s+longer|no\s+(?:way|option|means)\s+to|without|free\s+of)\s+$/iu;

/** Korean negation right after the word: 끌 수 없다, 끄지 않다/못하다/마세요, 차단이 불가/안 되다, 요금이 들지 않다, 요금은 없다. */
const KO_AFTER = new RegExp(
  [
    '^[을를ㄹ]?\\s*수\\s*(?:는|가|도)?\\s*없',
    '^지\\s*(?:는|도|를|가)?\\s*(?:않|못|말|마)',
    '^(?:(?:[이가은는도을를]|에서|에|으로|로)\\s*)?(?:(?:전혀|따로|별도로|추가로)\\s*)?(?:불가|없|무료|안\\s*[되됩돼드듭]|되지\\s*않|[할하]실?\\s*수\\s*(?:는|가|도)?\\s*없|못\\s*[하합해])',
    '^(?:(?:[이가은는도을를]|에서|에|으로|로)\\s*)?(?:(?:전혀|따로|별도로|추가로)\\s*)?[가-힣]{1,4}지\\s*(?:는|도)?\\s*(?:않|못)',
  ].join('|'),
  'u',
);
/** Korean negation just before the word: 못 끕니다, 안 꺼집니다. */
const KO_BEFORE = /(?:^|\s)(?:못|안)\s+$/u;

/** The clause before `start`: back to the last clause boundary, at most 60 characters. */
function clauseBefore(text: string, start: number): string {
  const from = Math.max(0, start - 60);
  const before = text.slice(from, start);
  const cut = Math.max(...[',', ';', ':', '—', '–', '(', '.', '?', '!', '\n'].map((c) => before.lastIndexOf(c)));
  return before.slice(cut + 1);
}

/** True when the concept occurrence text[start, end) is negated. */
export function isNegated(text: string, start: number, end: number, locale: Locale): boolean {
  const after = text.slice(end, end + 40);
  if (locale === 'ko') return KO_AFTER.test(after) || KO_BEFORE.test(text.slice(Math.max(0, start - 4), start));
  if (EN_AFTER.test(after)) return true;
  const clause = clauseBefore(text, start).replace(/’/g, "'");
  if (EN_NO_BEFORE.test(clause)) return true;
  const words = clause.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean).slice(-3);
  return words.some((w) => EN_NEGATORS.has(w) || w.endsWith("n't"));
}

/** True when a sentence is a question (it ends with a question mark, closing quotes aside). */
export function isQuestion(sentence: string): boolean {
  return /[?？]\s*["'”’)\]]*\s*$/u.test(sentence);
}
