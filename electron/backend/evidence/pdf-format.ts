/**
 * Words and number formats of the evidence PDF: every label in the PDF's language with the other
 * language beside it, and values written by their unit in the PDF's language.
 */
import { formatBytes, formatKrw, formatPercent, krwDigits } from '../../../shared/charts/axis.ts';
import type { CostModelField } from '../../../shared/metrics/types.ts';
import type { Bilingual, EvidenceLocale, EvidenceUnit } from '../../../shared/evidence/types.ts';
import { formatLocalMinute } from '../../../shared/time-zone.ts';

/** The Intl tag of a PDF language. */
export function intlTag(lang: EvidenceLocale): string {
  return lang === 'ko' ? 'ko-KR' : 'en-US';
}

/** The other language. */
export function otherLang(lang: EvidenceLocale): EvidenceLocale {
  return lang === 'ko' ? 'en' : 'ko';
}

/**
 * A label in the PDF's language with the other language beside it: "알림 수신자 / Recipients"; with
 * `separator` '\n', below it (narrow table cells).
 */
export function both(label: Bilingual, lang: EvidenceLocale, separator = ' / '): string {
  const first = label[lang];
  const second = label[otherLang(lang)];
  return first === second ? first : `${first}${separator}${second}`;
}

/** A count with thousands separators. */
export function formatCount(value: number, lang: EvidenceLocale): string {
  return new Intl.NumberFormat(intlTag(lang), { maximumFractionDigits: 2 }).format(value);
}

/** A figure's value written by its unit; "—" when it is not defined for the period. */
export function formatValue(value: number | null, unit: EvidenceUnit, lang: EvidenceLocale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const tag = intlTag(lang);
  switch (unit) {
    case 'count':
      return formatCount(value, lang);
    case 'rate':
      // A small share must not read as "0.0%": two significant digits below 0.1 %.
      return value !== 0 && Math.abs(value) < 0.001
        ? new Intl.NumberFormat(tag, { style: 'percent', maximumSignificantDigits: 2 }).format(value)
        : formatPercent(value, tag, 1);
    case 'bytes':
      return Math.abs(value) < 1024 ? `${formatCount(value, lang)} B` : `${formatBytes(value, tag, 1)} (${formatCount(value, lang)} B)`;
    case 'krw':
      return formatKrw(value, tag, value === 0 ? 0 : krwDigits(Math.abs(value)));
    case 'hours': {
      const text = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value);
      return lang === 'ko' ? `${text}시간` : `${text} h`;
    }
  }
}

/** A short value for an axis tick (no exact byte count beside binary units). */
export function formatTick(value: number, unit: EvidenceUnit, lang: EvidenceLocale, maxAbs: number): string {
  const tag = intlTag(lang);
  if (unit === 'rate') return formatPercent(value, tag, maxAbs < 0.05 ? 1 : 0);
  if (unit === 'bytes') return formatBytes(value, tag, 1);
  if (unit === 'krw') return formatKrw(value, tag, krwDigits(maxAbs));
  if (unit === 'hours') return lang === 'ko' ? `${formatCount(value, lang)}시간` : `${formatCount(value, lang)} h`;
  return new Intl.NumberFormat(tag, { notation: maxAbs >= 100_000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(value);
}

/** An instant as "YYYY-MM-DD HH:mm" in a time zone; "—" for none. */
export function formatInstant(ms: number | null, timeZone: string): string {
  return ms === null ? '—' : formatLocalMinute(ms, timeZone);
}

/** A SHA-256 shortened for a table cell: the first 12 and last 4 hex digits. */
export function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 12)}…${hash.slice(-4)}` : hash;
}

/** The words of the PDF, each in both languages. */
export const WORDS = {
  docTitle: { ko: '증거 자료 요약', en: 'Evidence summary' },
  workspace: { ko: '워크스페이스', en: 'Workspace' },
  period: { ko: '기간', en: 'Period' },
  timeZone: { ko: '시간대', en: 'Time zone' },
  schema: { ko: '스키마 버전', en: 'Schema version' },
  app: { ko: '앱 버전', en: 'App version' },
  stamped: { ko: '작성 기준 시각', en: 'Dated' },
  audit: { ko: '감사 기록', en: 'Audit trail' },
  auditEntries: { ko: '항목 수', en: 'Entries' },
  auditHead: { ko: '마지막 해시', en: 'Head hash' },
  auditState: { ko: '해시 체인', en: 'Hash chain' },
  verified: { ko: '✓ 검증됨', en: '✓ verified' },
  notVerified: { ko: '× 검증 실패', en: '× does not verify' },
  reviewThreads: { ko: '검토 스레드', en: 'Review threads' },
  disclosuresInForce: { ko: '기간 중 시행된 고지문', en: 'Disclosures in force' },
  imports: { ko: '가져온 파일', en: 'Imports' },
  contents: { ko: '목차', en: 'Contents' },
  noEvents: {
    ko: '이 기간에는 이벤트가 없습니다. 아래 수치는 0이거나 정의되지 않으며, 그래프는 그리지 않았습니다.',
    en: 'This period holds no events. The figures below are zero or not defined, and no charts are drawn.',
  },
  noEventsShort: { ko: '이 기간에는 이벤트가 없습니다.', en: 'This period holds no events.' },
  noDisclosures: {
    ko: '이 기간에 시행된 고지문이 없습니다. 게시된 고지문이 없었다는 뜻입니다.',
    en: 'No disclosure was in force during this period: none had been published.',
  },
  noChartData: { ko: '이 기간에는 그릴 값이 없습니다.', en: 'Nothing to chart in this period.' },
  surface: { ko: '표시 위치', en: 'Surface' },
  status: { ko: '현재 상태', en: 'Status today' },
  version: { ko: '판', en: 'Version' },
  versionHash: { ko: '판 SHA-256', en: 'Version SHA-256' },
  effective: { ko: '시행', en: 'Effective' },
  retired: { ko: '사용 중지', en: 'Retired' },
  stillInForce: { ko: '기간 끝까지 시행', en: 'in force to the end of the period' },
  approved: { ko: '승인', en: 'Approved' },
  published: { ko: '게시', en: 'Published' },
  texts: { ko: '본문 파일', en: 'Text files' },
  preview: { ko: '미리 보기', en: 'Preview' },
  previewCut: { ko: '본문이 길어 앞부분만 보입니다 (…).', en: 'The text is too long for the page: only its beginning is shown (…).' },
  figure: { ko: '수치', en: 'Figure' },
  value: { ko: '값', en: 'Value' },
  definitions: { ko: '정의', en: 'Definitions' },
  costModel: { ko: '비용 모델', en: 'Cost model' },
  field: { ko: '항목', en: 'Field' },
  defaultValue: { ko: '기본값', en: 'Default' },
  source: { ko: '근거', en: 'Source' },
  file: { ko: '파일', en: 'File' },
  size: { ko: '크기', en: 'Size' },
  adapter: { ko: '형식', en: 'Adapter' },
  rows: { ko: '행', en: 'Rows' },
  importedAt: { ko: '가져온 시각', en: 'Imported' },
  fullHashes: { ko: '전체 SHA-256', en: 'Full SHA-256' },
  noImports: { ko: '이 기간에 이벤트를 준 가져오기가 없습니다.', en: 'No import fed this period.' },
  footer: { ko: 'Notice Desk 증거 자료', en: 'Notice Desk evidence' },
  notDefault: { ko: '기본값과 다름', en: 'not the default' },
} satisfies Record<string, Bilingual>;

/** The cost model's fields by name. */
export const COST_FIELD_LABELS: Record<CostModelField, Bilingual> = {
  firstMessageBytes: { ko: '첫 메시지 크기', en: 'First-message size' },
  laterMessageBytes: { ko: '이후 메시지 크기', en: 'Later-message size' },
  firstScope: { ko: '첫 메시지 기준', en: 'First message counted per' },
  tariffLowKrwPerKiB: { ko: 'KiB당 요금 (하한)', en: 'Tariff per KiB (low)' },
  tariffHighKrwPerKiB: { ko: 'KiB당 요금 (상한)', en: 'Tariff per KiB (high)' },
  cellularShare: { ko: '셀룰러 비율', en: 'Cellular share' },
};

/** A cost model value as written in the cost model table. */
export function formatCostValue(field: CostModelField, value: number | string, lang: EvidenceLocale): string {
  if (typeof value === 'string') {
    if (value === 'pair') return lang === 'ko' ? '수신자·발신 업체 쌍' : 'recipient–sender pair';
    if (value === 'recipient') return lang === 'ko' ? '수신자' : 'recipient';
    return value;
  }
  if (field === 'firstMessageBytes' || field === 'laterMessageBytes') return formatValue(value, 'bytes', lang);
  if (field === 'cellularShare') return formatPercent(value, intlTag(lang), 0);
  const won = new Intl.NumberFormat(intlTag(lang), { maximumFractionDigits: 4 }).format(value);
  return `₩${won} / KiB`;
}
