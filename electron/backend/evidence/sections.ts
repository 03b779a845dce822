/**
 * The figures and charts of an evidence pack, each from the metrics engine (the functions the pages
 * and `notice-desk metrics` call) over the pack's period, unfiltered, with the definitions that
 * explain them (shared/metrics/definitions.ts).
 */
import type { Bilingual, EvidenceChart, EvidenceFigure, EvidenceSection, EvidenceSectionId, EvidenceUnit } from '../../../shared/evidence/types.ts';
import type { NotificationStatus } from '../../../shared/domain/canonical.ts';
import type { DefinitionId } from '../../../shared/metrics/definitions.ts';
import type { CoverageResult, DataCostResult, OptOutResult, RefusalsResult, UrlsResult, VolumeResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { computeCoverage, computeOptOut } from '../metrics/consent.ts';
import { computeDataCost } from '../metrics/datacost.ts';
import { urlNoticeAt } from '../metrics/disclosure-link.ts';
import { computeRefusals } from '../metrics/refusals.ts';
import { computeUrls } from '../metrics/urls.ts';
import { computeVolume } from '../metrics/volume.ts';
import type { EvidencePeriod } from './period.ts';

/** Every notification status, in the order the pack lists them (absent ones count 0). */
export const STATUSES: readonly NotificationStatus[] = ['sent', 'delivered', 'failed', 'blocked', 'fallback_sms'];

const STATUS_LABELS: Record<NotificationStatus, Bilingual> = {
  sent: { ko: '발송', en: 'Sent' },
  delivered: { ko: '수신 완료', en: 'Delivered' },
  failed: { ko: '실패', en: 'Failed' },
  blocked: { ko: '차단', en: 'Blocked' },
  fallback_sms: { ko: 'SMS 대체 발송', en: 'Fallback SMS' },
};

const TITLES: Record<EvidenceSectionId, Bilingual> = {
  coverage: { ko: '고지 도달률', en: 'Notice coverage' },
  optout: { ko: '수신 거부율', en: 'Opt-out rate' },
  volume: { ko: '알림 건수와 수신자', en: 'Notifications and recipients' },
  datacost: { ko: '데이터 사용량과 예상 요금', en: 'Data volume and estimated charges' },
  refusals: { ko: '수신 거부 준수', en: 'Refusals honoured' },
  urls: { ko: 'URL 공유와 검색 노출', en: 'URLs shared and indexed' },
};

const DEFINITIONS: Record<EvidenceSectionId, DefinitionId[]> = {
  coverage: ['coverage', 'firstMessages', 'chargeable', 'buckets'],
  optout: ['optout', 'buckets'],
  volume: ['volume', 'optout', 'buckets'],
  datacost: ['datacost', 'chargeable', 'firstMessages', 'messageSize', 'charge', 'buckets'],
  refusals: ['refusals', 'buckets'],
  urls: ['urls', 'urlLag', 'indexedWithoutNotice', 'buckets'],
};

const FIGURES_CSV = 'figures.csv';

function figure(section: EvidenceSectionId, name: string, label: Bilingual, value: number | null, unit: EvidenceUnit): EvidenceFigure {
  return { id: `${section}.${name}`, label, value, unit, csv: FIGURES_CSV };
}

function chart(
  id: string,
  title: Bilingual,
  kind: EvidenceChart['kind'],
  unit: EvidenceUnit,
  series: EvidenceChart['series'],
  rows: EvidenceChart['rows'],
): EvidenceChart {
  return { id, title, kind, unit, series, rows, csv: `charts/${id}.csv` };
}

function section(id: EvidenceSectionId, figures: EvidenceFigure[], charts: EvidenceChart[]): EvidenceSection {
  return { id, title: TITLES[id], figures, charts, definitions: DEFINITIONS[id] };
}

/** What the sections were computed from, besides the figures: the URL-use notice date the URL figures compare with. */
export interface SectionsResult {
  sections: EvidenceSection[];
  urlNoticeDate: string | null;
}

/**
 * The metric results the sections are written from, each over the pack's period, unfiltered: from a
 * local workspace's tables (`localSectionInputs`) or from its warehouse (warehouse/evidence.ts), by
 * the same queries the pages call on either engine. Plain data (it crosses to the worker as JSON).
 */
export interface SectionInputs {
  coverage: CoverageResult;
  optout: OptOutResult;
  volume: VolumeResult;
  cost: DataCostResult;
  refusals: RefusalsResult;
  urls: UrlsResult;
}

/** The inputs the pack's sections ask each metric for (a whole period, unfiltered, its bucketing). */
export function sectionQueries(period: EvidencePeriod) {
  const filter = { from: period.from, to: period.to, by: period.by };
  return {
    coverage: filter,
    optout: filter,
    volume: { ...filter, stackBy: 'status' as const },
    cost: filter,
    refusals: { ...filter, limit: 1 },
    urls: filter,
  };
}

/** The section inputs of a local workspace, from its own tables. */
export function localSectionInputs(db: Db, period: EvidencePeriod): SectionInputs {
  const q = sectionQueries(period);
  return {
    coverage: computeCoverage(db, q.coverage),
    optout: computeOptOut(db, q.optout),
    volume: computeVolume(db, q.volume),
    cost: computeDataCost(db, q.cost, { perRecipient: false }),
    refusals: computeRefusals(db, q.refusals),
    urls: computeUrls(db, q.urls, urlNoticeAt(db)),
  };
}

/** The six sections of the pack, in the order the summary shows them, from the metrics' results. */
export function sectionsFrom(inputs: SectionInputs): SectionsResult {
  const { coverage, optout, volume, cost, refusals, urls } = inputs;
  const sections: EvidenceSection[] = [
    section(
      'coverage',
      [
        figure('coverage', 'pairs', { ko: '첫 메시지를 받은 수신자·발신 업체 쌍', en: 'Recipient–sender pairs with a first message' }, coverage.pairs, 'count'),
        figure('coverage', 'covered', { ko: '첫 메시지 전에 고지를 받은 쌍', en: 'Pairs shown the notice before the first message' }, coverage.covered, 'count'),
        figure('coverage', 'uncovered', { ko: '고지 전에 메시지를 받은 쌍', en: 'Pairs messaged before any notice' }, coverage.uncovered, 'count'),
        figure('coverage', 'coverage', { ko: '고지 도달률', en: 'Notice coverage' }, coverage.coverage, 'rate'),
      ],
      [
        chart(
          'coverage',
          { ko: '구간별 첫 메시지: 고지 후 / 고지 전', en: 'First messages per bucket: after / before any notice' },
          'bars',
          'count',
          [
            { key: 'covered', label: { ko: '고지 후', en: 'After the notice' } },
            { key: 'uncovered', label: { ko: '고지 전', en: 'Before any notice' } },
          ],
          coverage.buckets.map((b) => ({ bucket: b.bucket, values: [b.covered, b.uncovered] })),
        ),
      ],
    ),
    section(
      'optout',
      [
        figure('optout', 'reached', { ko: '알림을 받은 수신자', en: 'Recipients reached' }, optout.reached, 'count'),
        figure('optout', 'optedOut', { ko: '수신 거부·차단한 수신자', en: 'Recipients who opted out or blocked' }, optout.optedOut, 'count'),
        figure('optout', 'rate', { ko: '수신 거부율', en: 'Opt-out rate' }, optout.rate, 'rate'),
      ],
      [
        chart(
          'optout-rate',
          { ko: '구간별 수신 거부율', en: 'Opt-out rate per bucket' },
          'lines',
          'rate',
          [{ key: 'rate', label: { ko: '수신 거부율', en: 'Opt-out rate' } }],
          optout.buckets.map((b) => ({ bucket: b.bucket, values: [b.rate] })),
        ),
      ],
    ),
    section(
      'volume',
      [
        figure('volume', 'notifications', { ko: '알림 건수', en: 'Notifications' }, volume.total, 'count'),
        figure('volume', 'recipients', { ko: '알림을 받은 수신자', en: 'Recipients reached' }, optout.reached, 'count'),
        ...STATUSES.map((s) => figure('volume', `status.${s}`, { ko: `알림: ${STATUS_LABELS[s].ko}`, en: `Notifications: ${STATUS_LABELS[s].en}` }, volume.byStatus[s] ?? 0, 'count')),
      ],
      [
        chart(
          'volume',
          { ko: '구간별 알림 건수(상태별)', en: 'Notifications per bucket, by status' },
          'bars',
          'count',
          STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s] })),
          volume.buckets.map((b) => ({ bucket: b.bucket, values: STATUSES.map((s) => b.byStatus[s] ?? 0) })),
        ),
      ],
    ),
    section(
      'datacost',
      [
        figure('datacost', 'totalBytes', { ko: '데이터 사용량(과금 대상 메시지)', en: 'Data volume of chargeable messages' }, cost.totalBytes, 'bytes'),
        figure('datacost', 'chargedBytes', { ko: '요금 계산 대상 데이터(셀룰러·미상)', en: 'Data the charge is computed from (cellular and unknown network)' }, cost.chargedBytes, 'bytes'),
        figure('datacost', 'chargeableMessages', { ko: '과금 대상 메시지', en: 'Chargeable messages' }, cost.chargeableMessages, 'count'),
        figure('datacost', 'firstMessages', { ko: '첫 메시지', en: 'First messages' }, cost.firstMessages, 'count'),
        figure('datacost', 'estimatedMessages', { ko: '크기를 비용 모델로 추정한 메시지', en: 'Messages sized by the cost model' }, cost.estimatedMessages, 'count'),
        figure('datacost', 'recipients', { ko: '과금 대상 메시지를 받은 수신자', en: 'Recipients of chargeable messages' }, cost.recipients, 'count'),
        figure('datacost', 'chargeLow', { ko: '예상 요금(하한)', en: 'Estimated charge (low)' }, cost.chargeKrw.low, 'krw'),
        figure('datacost', 'chargeHigh', { ko: '예상 요금(상한)', en: 'Estimated charge (high)' }, cost.chargeKrw.high, 'krw'),
      ],
      [
        chart(
          'datacost-bytes',
          { ko: '구간별 데이터 사용량', en: 'Data volume per bucket' },
          'bars',
          'bytes',
          [
            { key: 'totalBytes', label: { ko: '데이터 사용량', en: 'Data volume' } },
            { key: 'chargedBytes', label: { ko: '요금 계산 대상', en: 'Charged data' } },
          ],
          cost.buckets.map((b) => ({ bucket: b.bucket, values: [b.totalBytes, b.chargedBytes] })),
        ),
        chart(
          'datacost-charge',
          { ko: '구간별 예상 요금', en: 'Estimated charge per bucket' },
          'lines',
          'krw',
          [
            { key: 'chargeLow', label: { ko: '하한', en: 'Low' } },
            { key: 'chargeHigh', label: { ko: '상한', en: 'High' } },
          ],
          cost.buckets.map((b) => ({ bucket: b.bucket, values: [b.chargeKrw.low, b.chargeKrw.high] })),
        ),
      ],
    ),
    section(
      'refusals',
      [
        figure('refusals', 'violations', { ko: '수신 거부 후 보낸 메시지', en: 'Messages sent despite a refusal' }, refusals.violations, 'count'),
        ...STATUSES.filter((s) => s !== 'failed').map((s) =>
          figure('refusals', `status.${s}`, { ko: `거부 후 메시지: ${STATUS_LABELS[s].ko}`, en: `Despite a refusal: ${STATUS_LABELS[s].en}` }, refusals.byStatus[s] ?? 0, 'count'),
        ),
      ],
      [
        chart(
          'refusals',
          { ko: '구간별 수신 거부 후 메시지', en: 'Messages despite a refusal per bucket' },
          'bars',
          'count',
          STATUSES.filter((s) => s !== 'failed').map((s) => ({ key: s, label: STATUS_LABELS[s] })),
          refusals.buckets.map((b) => ({ bucket: b.bucket, values: STATUSES.filter((s) => s !== 'failed').map((s) => b.byStatus[s] ?? 0) })),
        ),
      ],
    ),
    section(
      'urls',
      [
        figure('urls', 'shared', { ko: '공유된 URL', en: 'URLs shared' }, urls.shared, 'count'),
        figure('urls', 'indexed', { ko: '검색에 노출된 URL', en: 'URLs indexed' }, urls.indexed, 'count'),
        figure('urls', 'indexedWithoutNotice', { ko: '고지 전에 노출된 URL', en: 'URLs indexed without notice' }, urls.indexedWithoutNotice, 'count'),
        figure('urls', 'medianLagHours', { ko: '공유에서 노출까지 시간(중앙값)', en: 'Hours from sharing to indexing (median)' }, urls.medianLagHours, 'hours'),
        figure('urls', 'lagCount', { ko: '공유 후 노출된 URL', en: 'URLs indexed after they were shared' }, urls.lagCount, 'count'),
      ],
      [
        chart(
          'urls',
          { ko: '구간별 URL 공유와 노출', en: 'URLs shared and indexed per bucket' },
          'lines',
          'count',
          [
            { key: 'shared', label: { ko: '공유', en: 'Shared' } },
            { key: 'indexed', label: { ko: '검색 노출', en: 'Indexed' } },
          ],
          urls.buckets.map((b) => ({ bucket: b.bucket, values: [b.shared, b.indexed] })),
        ),
      ],
    ),
  ];
  return { sections, urlNoticeDate: urls.urlNoticeDate };
}
