/**
 * Result types of every metric (docs/metrics.md). The JSON keys named in docs/cli.md are a public interface:
 * keep them; more keys are welcome. Bucket labels: `2016-03-07` (day), `2016-W10` (ISO week),
 * `2016-03` (month), in the workspace time zone. Totals outside `buckets` are distinct counts over
 * the whole filtered period, not sums of buckets.
 */
import type { ConsentAction, NotificationStatus } from '../domain/canonical.ts';

export type Bucketing = 'day' | 'week' | 'month';
export const bucketings: readonly Bucketing[] = ['day', 'week', 'month'];

/** The filter every metric takes (already resolved: from/to are inclusive local dates). */
export interface MetricFilter {
  /** Inclusive local date YYYY-MM-DD; null = from the first event in the workspace. */
  from: string | null;
  /** Inclusive local date YYYY-MM-DD; null = up to the last event in the workspace. */
  to: string | null;
  by: Bucketing;
  senders: string[];
  categories: string[];
}

/** The resolved period a result covers (inclusive local dates), null when the workspace is empty. */
export interface MetricPeriod {
  from: string | null;
  to: string | null;
  by: Bucketing;
  timeZone: string;
}

/** A labelled count (top senders, top templates, top domains, …). */
export interface KeyCount {
  key: string;
  count: number;
}

/** A histogram bin: [min, max) in the unit the metric names; max null = open-ended. */
export interface HistogramBin {
  label: string;
  min: number;
  max: number | null;
  count: number;
}

// ---------------------------------------------------------------- volume
export type VolumeStackBy = 'status' | 'category' | 'sender';

export interface VolumeBucket {
  bucket: string;
  total: number;
  byStatus: Partial<Record<NotificationStatus, number>>;
  /** Counts by the requested stack key (status, category or sender; small ones folded into "other"). */
  stack: Record<string, number>;
  /** Chargeable messages that were the first of their pair (or recipient) / every later one. */
  firstMessages: number;
  laterMessages: number;
}

export interface VolumeResult {
  metric: 'volume';
  by: Bucketing;
  period: MetricPeriod;
  total: number;
  byStatus: Partial<Record<NotificationStatus, number>>;
  stackBy: VolumeStackBy;
  /** The stack keys in display order (largest first; "other" last when present). */
  stackKeys: string[];
  firstMessages: number;
  laterMessages: number;
  topSenders: KeyCount[];
  topTemplates: KeyCount[];
  buckets: VolumeBucket[];
}

// ---------------------------------------------------------------- datacost
export interface ChargeRange {
  low: number;
  high: number;
}

export interface DataCostFigures {
  totalBytes: number;
  chargeableMessages: number;
  firstMessages: number;
  recipients: number;
  chargeKrw: ChargeRange;
  /** Bytes of chargeable messages not on wifi (what the charge is computed from). */
  chargedBytes: number;
  /** Chargeable messages whose size came from the cost model (no byte count in the export). */
  estimatedMessages: number;
}

export interface DataCostBucket extends DataCostFigures {
  bucket: string;
}

export interface DataCostSender extends DataCostFigures {
  senderId: string;
}

export interface DataCostResult extends DataCostFigures {
  metric: 'datacost';
  by: Bucketing;
  period: MetricPeriod;
  costModel: CostModel;
  buckets: DataCostBucket[];
  bySender: DataCostSender[];
  /** Recipients by their total bytes in the period (bins in bytes). */
  perRecipient: HistogramBin[];
  perRecipientStats: { median: number | null; p90: number | null; max: number | null; mean: number | null };
}

// ---------------------------------------------------------------- cost model
export type FirstMessageScope = 'pair' | 'recipient';

export interface CostModel {
  firstMessageBytes: number;
  laterMessageBytes: number;
  firstScope: FirstMessageScope;
  tariffLowKrwPerKiB: number;
  tariffHighKrwPerKiB: number;
  /** Share (0–1) of messages of unknown network received over cellular data. */
  cellularShare: number;
}

export type CostModelField = keyof CostModel;

/** One field of the cost model with its default and where the default comes from. */
export interface CostModelFieldInfo {
  field: CostModelField;
  value: number | string;
  defaultValue: number | string;
  isDefault: boolean;
  source: { en: string; ko: string };
}

export interface CostModelInfo {
  model: CostModel;
  defaults: CostModel;
  fields: CostModelFieldInfo[];
}

// ---------------------------------------------------------------- optout
export interface OptOutFigures {
  reached: number;
  optedOut: number;
  rate: number | null;
}

export interface OptOutBucket extends OptOutFigures {
  bucket: string;
}

export interface OptOutBreakdownRow extends OptOutFigures {
  key: string;
}

export interface OptOutResult extends OptOutFigures {
  metric: 'optout';
  by: Bucketing;
  period: MetricPeriod;
  buckets: OptOutBucket[];
  bySender: OptOutBreakdownRow[];
  byCategory: OptOutBreakdownRow[];
}

// ---------------------------------------------------------------- coverage
export interface CoverageFigures {
  pairs: number;
  covered: number;
  uncovered: number;
  coverage: number | null;
}

export interface CoverageBucket extends CoverageFigures {
  bucket: string;
}

export interface CoverageResult extends CoverageFigures {
  metric: 'coverage';
  by: Bucketing;
  period: MetricPeriod;
  buckets: CoverageBucket[];
  /** Pairs with a first message in the period → notice ever shown → opted out after the first message. */
  funnel: { firstMessage: number; noticeShown: number; optedOut: number };
  /** Pairs that opted out (or blocked) after their first message, by the time it took (bins in hours). */
  timeToOptOut: HistogramBin[];
}

// ---------------------------------------------------------------- refusals
export interface RefusalMessage {
  id: number;
  eventId: string | null;
  sentAt: string;
  recipientId: string;
  senderId: string;
  templateId: string | null;
  category: string | null;
  status: NotificationStatus;
  /** The refusal in force: the latest consent event strictly before the message. */
  refusal: { action: ConsentAction; occurredAt: string; scope: 'sender' | 'platform' };
}

export interface RefusalsResult {
  metric: 'refusals';
  by: Bucketing;
  period: MetricPeriod;
  violations: number;
  byStatus: Partial<Record<NotificationStatus, number>>;
  bySender: Record<string, number>;
  buckets: { bucket: string; violations: number; byStatus: Partial<Record<NotificationStatus, number>> }[];
  /** One page of the violating messages, oldest first. */
  messages: RefusalMessage[];
  offset: number;
  limit: number;
}

// ---------------------------------------------------------------- urls
export interface UrlBucket {
  bucket: string;
  shared: number;
  indexed: number;
  served: number;
}

export interface UrlsResult {
  metric: 'urls';
  by: Bucketing;
  period: MetricPeriod;
  shared: number;
  indexed: number;
  served: number;
  medianLagHours: number | null;
  /** URLs with a first `shared` and a later first `indexed` (the lag sample). */
  lagCount: number;
  lagHistogram: HistogramBin[];
  indexedWithoutNotice: number;
  /** The URL-use notice date used (effective date of the first published URL-use disclosure) or null. */
  urlNoticeDate: string | null;
  topDomains: KeyCount[];
  /** A first page of URLs indexed without notice (first indexed time, ISO). */
  indexedWithoutNoticeUrls: { url: string; firstIndexedAt: string }[];
  buckets: UrlBucket[];
}

// ---------------------------------------------------------------- overview
export type OverviewCardId =
  | 'notifications'
  | 'recipients'
  | 'senders'
  | 'dataBytes'
  | 'chargeLow'
  | 'chargeHigh'
  | 'optOutRate'
  | 'coverage'
  | 'violations'
  | 'urlsShared'
  | 'urlsIndexed';

export interface OverviewCard {
  id: OverviewCardId;
  value: number | null;
  previous: number | null;
  /** value − previous (null when either is null). For rates, in rate points (0–1 scale). */
  change: number | null;
  /** The page that explains it. */
  page: 'notifications' | 'datacost' | 'consent' | 'urls';
}

export interface OverviewResult {
  metric: 'overview';
  period: MetricPeriod;
  /** The previous period of equal length (null when the period is unknown). */
  previousPeriod: { from: string; to: string } | null;
  cards: OverviewCard[];
}

// ---------------------------------------------------------------- dimensions, filters, markers
export interface DimensionsResult {
  senders: KeyCount[];
  categories: KeyCount[];
  templates: (KeyCount & { senderId: string })[];
  /** First and last local dates with any event (notifications, consent or URLs); null when empty. */
  firstDate: string | null;
  lastDate: string | null;
  timeZone: string;
}

/** The filters kept per workspace (date preset or explicit dates, senders, categories, bucketing). */
export interface SavedFilters {
  preset: 'all' | 'last7' | 'last30' | 'last90' | 'last365' | 'custom';
  from: string | null;
  to: string | null;
  by: Bucketing;
  senders: string[];
  categories: string[];
}

export interface Marker {
  id: string;
  date: string;
  label: string;
  kind: 'user' | 'disclosure';
}

export interface MarkerWindowFigures extends OptOutFigures, CoverageFigures {
  from: string;
  to: string;
}

export interface MarkerAroundResult {
  date: string;
  days: number;
  /** The N days before the marker date (excluded). */
  before: MarkerWindowFigures;
  /** The marker date and the N − 1 days after it. */
  after: MarkerWindowFigures;
  /** after − before (null when either side is null). */
  difference: { rate: number | null; coverage: number | null };
}

export type MetricName = 'volume' | 'datacost' | 'optout' | 'coverage' | 'refusals' | 'urls';
export const metricNames: readonly MetricName[] = ['volume', 'datacost', 'optout', 'coverage', 'refusals', 'urls'];

/** A CSV export of one metric's table. */
export interface CsvExport {
  fileName: string;
  csv: string;
  rows: number;
}
