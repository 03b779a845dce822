import type { DefinitionId } from '../../shared/metrics/definitions.ts';
import type { OverviewCard, OverviewCardId } from '../../shared/metrics/types.ts';
import { ChartCard } from '../components/charts/ChartCard.tsx';
import { DashboardPage, useFormatters, usePeriodText } from '../components/charts/DashboardPage.tsx';
import { EvidencePackButton } from '../components/evidence/EvidencePackButton.tsx';
import { KpiCard } from '../components/kpi/KpiCard.tsx';
import { OverviewTrends } from '../components/charts/OverviewTrends.tsx';
import { useMetricFilter, useOverview } from '../data/metrics-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/types.ts';

const PAGE_HREF: Record<OverviewCard['page'], string> = {
  notifications: '#/notifications',
  datacost: '#/data-charges',
  consent: '#/consent',
  urls: '#/urls',
};

const CARD_META: Record<Exclude<OverviewCardId, 'chargeHigh'>, { def: DefinitionId; upIsGood: boolean | null; kind: 'count' | 'bytes' | 'krw' | 'rate' }> = {
  notifications: { def: 'volume', upIsGood: null, kind: 'count' },
  recipients: { def: 'datacost', upIsGood: null, kind: 'count' },
  senders: { def: 'volume', upIsGood: null, kind: 'count' },
  dataBytes: { def: 'messageSize', upIsGood: false, kind: 'bytes' },
  chargeLow: { def: 'charge', upIsGood: false, kind: 'krw' },
  optOutRate: { def: 'optout', upIsGood: false, kind: 'rate' },
  coverage: { def: 'coverage', upIsGood: true, kind: 'rate' },
  violations: { def: 'refusals', upIsGood: false, kind: 'count' },
  urlsShared: { def: 'urls', upIsGood: null, kind: 'count' },
  urlsIndexed: { def: 'urls', upIsGood: null, kind: 'count' },
};

/** Overview: every KPI for the filtered period against the previous period of equal length. */
export function OverviewPage() {
  const { t } = useI18n();
  const f = useFormatters();
  const { filter, error: filterError } = useMetricFilter();
  const overview = useOverview(filter);
  const period = usePeriodText();
  const cards = overview.data?.cards ?? [];
  const byId = new Map(cards.map((c) => [c.id, c]));
  // "All data" has no period before it: comparing with an empty stretch would read as growth.
  const bounded = Boolean(filter?.from && filter?.to);
  const previous = bounded ? overview.data?.previousPeriod : null;

  const format = (kind: 'count' | 'bytes' | 'krw' | 'rate', v: number | null) =>
    v === null ? '—' : kind === 'bytes' ? f.bytes(v) : kind === 'krw' ? f.krw(v) : kind === 'rate' ? f.percent(v) : f.count(v);

  const change = (kind: 'count' | 'bytes' | 'krw' | 'rate', card: OverviewCard): string | null => {
    if (!bounded || card.change === null || card.previous === null) return null;
    if (kind === 'rate') {
      const pp = new Intl.NumberFormat(f.tag, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(card.change * 100);
      return `${pp} pp`;
    }
    if (card.previous === 0) return `${card.change > 0 ? '+' : ''}${format(kind, card.change)}`;
    return new Intl.NumberFormat(f.tag, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(card.change / Math.abs(card.previous));
  };

  const rows = cards.map((c) => ({ metric: c.id, value: c.value, previous: c.previous, change: c.change }));
  const isEmpty = cards.length > 0 && (byId.get('notifications')?.value ?? 0) === 0 && (byId.get('urlsShared')?.value ?? 0) === 0;

  return (
    <DashboardPage title={t('dashboards.overview.title')} showBucket={false}>
      <div className="evidence-entry">
        <p className="muted dash-compare">
          {previous ? t('dashboards.overview.comparedWith', { from: previous.from, to: previous.to }) : t('dashboards.overview.noComparison')}
        </p>
        <EvidencePackButton from={filter?.from} to={filter?.to} />
      </div>
      <ChartCard
        exportName={t('dashboards.overview.exportName')}
        title={t('dashboards.overview.cardsTitle')}
        subtitle={period.text}
        period={period.key}
        definitions={['overview', 'buckets', 'filters']}
        state={{ isPending: !filter && !filterError ? true : overview.isPending, error: filterError ?? overview.error, isEmpty, onRetry: () => void overview.refetch(), emptyHint: t('dashboards.state.emptyOverview') }}
        legend={[]}
        noImageExport
        hideLegend
        columns={[
          { key: 'metric', label: t('dashboards.table.metric'), format: (v) => t(`dashboards.kpi.${String(v)}` as MessageKey) },
          { key: 'value', label: t('dashboards.table.value'), numeric: true },
          { key: 'previous', label: t('dashboards.table.previous'), numeric: true },
          { key: 'change', label: t('dashboards.table.change'), numeric: true },
        ]}
        rows={rows}
      >
        <div className="kpi-grid">
          {(Object.keys(CARD_META) as (keyof typeof CARD_META)[]).map((id) => {
            const card = byId.get(id);
            if (!card) return null;
            const meta = CARD_META[id];
            const high = id === 'chargeLow' ? byId.get('chargeHigh') : undefined;
            const range = (low: number | null, top: number | null) => (low === null || top === null ? '—' : f.krwRange(low, top));
            const value = high ? range(card.value, high.value) : format(meta.kind, card.value);
            const prev = high ? range(card.previous, high.previous) : format(meta.kind, card.previous);
            const basis = high ?? card;
            return (
              <KpiCard
                key={id}
                label={t(`dashboards.kpi.${id === 'chargeLow' ? 'charge' : id}` as MessageKey)}
                value={value}
                previous={prev}
                change={change(meta.kind, basis)}
                direction={!bounded || basis.change === null ? null : basis.change > 0 ? 'up' : basis.change < 0 ? 'down' : 'flat'}
                upIsGood={meta.upIsGood}
                href={PAGE_HREF[card.page]}
                linkLabel={t(`dashboards.overview.link.${card.page}` as MessageKey)}
                definition={meta.def}
              />
            );
          })}
        </div>
      </ChartCard>
      <OverviewTrends filter={filter} filterError={filterError} />
    </DashboardPage>
  );
}
