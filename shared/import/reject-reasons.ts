/**
 * Reject reasons in the reader's language. The importer stores each reason in English (the CSV
 * export and the CLI print it as stored); the Imports page shows it through `localizeRejectReason`,
 * which recognises every reason the readers, adapters and validator write and keeps the quoted
 * values as they were. A reason it does not recognise is shown as stored.
 */
export type RejectLocale = 'en' | 'ko';

/** Each English reason as a pattern, with its Korean wording ($1, $2 … are the captured parts). */
const KO: [RegExp, string][] = [
  [/^(\S+) is missing$/, '$1 항목이 없습니다'],
  [/^(\S+) is empty$/, '$1 값이 비어 있습니다'],
  [
    /^(\S+) (".*") is not a timestamp \(expected ISO-8601, YYYY-MM-DD HH:mm:ss, or epoch seconds\/milliseconds\)$/s,
    '$1 $2은(는) 시각이 아닙니다 (ISO-8601, YYYY-MM-DD HH:mm:ss, epoch 초·밀리초 중 하나여야 합니다)',
  ],
  [/^(\S+) (".*") is not one of (.*)$/s, '$1 $2은(는) 허용된 값이 아닙니다 (허용: $3)'],
  [/^bytes (".*") is not a non-negative integer$/s, 'bytes $1은(는) 0 이상의 정수가 아닙니다'],
  [/^url (".*") is not an absolute http\(s\) URL$/s, 'url $1은(는) http(s)로 시작하는 절대 URL이 아닙니다'],
  [/^expected a JSON object on this line$/, '이 줄에는 JSON 객체가 있어야 합니다'],
  [/^expected a JSON object$/, 'JSON 객체가 있어야 합니다'],
  [/^expected a CSV row$/, 'CSV 행이 있어야 합니다'],
  [/^the object has none of sent_at, occurred_at \+ action, or url$/, '객체에 sent_at, occurred_at + action, url 중 어느 것도 없습니다'],
  [/^not valid JSON \((.*)\)$/s, '올바른 JSON이 아닙니다 ($1)'],
];

/** A stored reject reason in the given language ("entry: " prefixes of archive members are kept). */
export function localizeRejectReason(reason: string, locale: RejectLocale): string {
  if (locale === 'en') return reason;
  const prefix = /^([^:"]+\.(?:json|ndjson|csv|tsv|txt)): /i.exec(reason);
  const head = prefix ? prefix[0] : '';
  const body = reason.slice(head.length);
  for (const [pattern, ko] of KO) {
    if (pattern.test(body)) return head + body.replace(pattern, ko);
  }
  return reason;
}
