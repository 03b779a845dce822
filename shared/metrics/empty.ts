/** Correctly shaped empty results (an empty workspace; placeholders while the UI loads). */
import { defaultCostModel } from './cost-model.ts';
import type {
  Bucketing,
  CoverageResult,
  DataCostResult,
  MetricPeriod,
  OptOutResult,
  RefusalsResult,
  UrlsResult,
  VolumeResult,
} from './types.ts';
import { DEFAULT_TIME_ZONE } from '../time-zone.ts';

function period(by: Bucketing, timeZone: string): MetricPeriod {
  return { from: null, to: null, by, timeZone };
}

/** An empty volume result. */
export function emptyVolume(by: Bucketing, timeZone = DEFAULT_TIME_ZONE): VolumeResult {
  return {
    metric: 'volume',
    by,
    period: period(by, timeZone),
    total: 0,
    byStatus: {},
    stackBy: 'status',
    stackKeys: [],
    firstMessages: 0,
    laterMessages: 0,
    topSenders: [],
    topTemplates: [],
    buckets: [],
  };
}

/** An empty datacost result. */
export function emptyDataCost(by: Bucketing, timeZone = DEFAULT_TIME_ZONE): DataCostResult {
  return {
    metric: 'datacost',
    by,
    period: period(by, timeZone),
    costModel: defaultCostModel,
    totalBytes: 0,
    chargeableMessages: 0,
    firstMessages: 0,
    recipients: 0,
    chargeKrw: { low: 0, high: 0 },
    chargedBytes: 0,
    estimatedMessages: 0,
    buckets: [],
    bySender: [],
    perRecipient: [],
    perRecipientStats: { median: null, p90: null, max: null, mean: null },
  };
}

/** An empty optout result. */
export function emptyOptOut(by: Bucketing, timeZone = DEFAULT_TIME_ZONE): OptOutResult {
  return {
    metric: 'optout',
    by,
    period: period(by, timeZone),
    reached: 0,
    optedOut: 0,
    rate: null,
    buckets: [],
    bySender: [],
    byCategory: [],
  };
}

/** An empty coverage result. */
export function emptyCoverage(by: Bucketing, timeZone = DEFAULT_TIME_ZONE): CoverageResult {
  return {
    metric: 'coverage',
    by,
    period: period(by, timeZone),
    pairs: 0,
    covered: 0,
    uncovered: 0,
    coverage: null,
    buckets: [],
    funnel: { firstMessage: 0, noticeShown: 0, optedOut: 0 },
    timeToOptOut: [],
  };
}

/** An empty refusals result. */
export function emptyRefusals(by: Bucketing, timeZone = DEFAULT_TIME_ZONE): RefusalsResult {
  return {
    metric: 'refusals',
    by,
    period: period(by, timeZone),
    violations: 0,
    byStatus: {},
    bySender: {},
    buckets: [],
    messages: [],
    offset: 0,
    limit: 100,
  };
}

/** An empty urls result. */
export function emptyUrls(by: Bucketing, timeZone = DEFAULT_TIME_ZONE): UrlsResult {
  return {
    metric: 'urls',
    by,
    period: period(by, timeZone),
    shared: 0,
    indexed: 0,
    served: 0,
    medianLagHours: null,
    lagCount: 0,
    lagHistogram: [],
    indexedWithoutNotice: 0,
    urlNoticeDate: null,
    topDomains: [],
    indexedWithoutNoticeUrls: [],
    buckets: [],
  };
}
