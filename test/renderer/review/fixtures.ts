import type { DisclosureVersion, PlacedThread, VersionComparison, VersionSummary } from '../../../shared/review/types.ts';

const empty = { findings: [], missing: [], satisfied: [], elements: [], readability: { locale: 'ko', sentences: 0, words: 0, indicators: [] } };

export const KO = '알림톡을 받으면 데이터 요금이 들 수 있습니다. 와이파이로 받으면 요금이 들지 않습니다.';
export const EN = 'These messages use mobile data. On Wi-Fi, you pay nothing.';

/** Version 2 of disclosure 7, with the texts above. */
export const VERSION: DisclosureVersion = {
  id: 2,
  disclosureId: 7,
  number: 2,
  title: '배송 알림 안내',
  surface: 'alimtalk',
  koText: KO,
  enText: EN,
  checks: { ko: empty, en: empty, missing: { ko: [], en: [] } } as unknown as DisclosureVersion['checks'],
  author: '이작성',
  createdAt: Date.UTC(2016, 11, 5, 1),
  sha256: 'a'.repeat(64),
};

export const VERSIONS: VersionSummary[] = [
  { id: 1, disclosureId: 7, number: 1, title: '배송 알림 안내', surface: 'alimtalk', author: '이작성', createdAt: Date.UTC(2016, 11, 1, 1), sha256: 'b'.repeat(64) },
  { id: 2, disclosureId: 7, number: 2, title: '배송 알림 안내', surface: 'alimtalk', author: '이작성', createdAt: Date.UTC(2016, 11, 5, 1), sha256: 'a'.repeat(64) },
];

/** A thread on `quote` of a locale's text, placed (or orphaned) on version 2. */
export function thread(n: number, quote: string, options: { status?: 'open' | 'resolved'; orphaned?: boolean; locale?: 'ko' | 'en'; author?: string } = {}): PlacedThread {
  const locale = options.locale ?? 'ko';
  const text = locale === 'ko' ? KO : EN;
  const at = text.indexOf(quote);
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    disclosureId: 7,
    versionNumber: 1,
    anchor: { locale, quote, prefix: '', suffix: '', start: Math.max(at, 0), end: Math.max(at, 0) + quote.length },
    status: options.status ?? 'open',
    author: options.author ?? '김법무',
    createdAt: Date.UTC(2016, 11, 2, n),
    resolvedAt: options.status === 'resolved' ? Date.UTC(2016, 11, 3) : null,
    resolvedBy: options.status === 'resolved' ? '김법무' : null,
    deletedAt: null,
    origin: 'app',
    comments: [
      {
        id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        threadId: id,
        author: options.author ?? '김법무',
        body: `comment ${n}`,
        createdAt: Date.UTC(2016, 11, 2, n),
        editedAt: null,
        deletedAt: null,
      },
    ],
    placed: options.orphaned || at < 0 ? { state: 'orphaned', start: null, end: null } : { state: 'exact', start: at, end: at + quote.length },
  };
}

/** Version 1 → 2: the data-charge sentence changed in substance in Korean. */
export const COMPARISON: VersionComparison = {
  from: 1,
  to: 2,
  title: [{ kind: 'same', text: '배송 알림 안내' }],
  text: {
    ko: [
      { kind: 'same', text: '알림톡을 받으면 데이터 요금이 ' },
      { kind: 'removed', text: '듭니다' },
      { kind: 'added', text: '들 수 있습니다' },
      { kind: 'same', text: '. 와이파이로 받으면 요금이 들지 않습니다.' },
    ],
    en: [{ kind: 'same', text: EN }],
  },
  elements: [
    { id: 'data-charges', locale: 'ko', change: 'changed', substantive: true, before: '알림톡을 받으면 데이터 요금이 듭니다.', after: '알림톡을 받으면 데이터 요금이 들 수 있습니다.' },
    { id: 'how-to-refuse', locale: 'ko', change: 'unchanged', substantive: false, before: 'x', after: 'x' },
  ],
  findings: [{ locale: 'ko', rule: 'long-sentence', message: '문장이 깁니다', change: 'gone' }],
  askAgain: true,
  askAgainElements: [{ id: 'data-charges', locale: 'ko' }],
};
