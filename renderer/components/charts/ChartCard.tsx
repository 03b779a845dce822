import { useRef, useState, type ReactNode } from 'react';
import { exportFileName, type LegendItem } from '../../../shared/charts/svg-export.ts';
import { toCsv, type CsvValue } from '../../../shared/metrics/csv.ts';
import type { DefinitionId } from '../../../shared/metrics/definitions.ts';
import { useDimensions } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useErrorText } from '../errors.tsx';
import { needsWarehousePassword, WarehousePasswordAction } from '../warehouse/WarehousePasswordAction.tsx';
import { useChartTheme } from './chart-theme.ts';
import { DataTable, type TableColumn } from './DataTable.tsx';
import { DefinitionPanel } from './DefinitionPanel.tsx';
import { downloadBlob, downloadText } from '../download.ts';
import { chartToSvg, svgToPng } from './export.ts';
import './charts.css';

/** Where a chart's data is: loading, failed, empty or ready. */
export interface ChartState {
  isPending: boolean;
  error: Error | null;
  isEmpty: boolean;
  onRetry?: () => void;
  /** What to do when empty (defaults to "import data or widen the filters"). */
  emptyHint?: string;
}

export interface ChartCardProps {
  /** Base of export file names (Latin or Korean; made safe). */
  exportName: string;
  title: string;
  subtitle?: string;
  /** The period, for export file names. */
  period: string;
  definitions: readonly DefinitionId[];
  state: ChartState;
  legend: readonly LegendItem[];
  columns: readonly TableColumn[];
  rows: readonly Record<string, CsvValue>[];
  /** Controls beside the title (stack-by, bucket…). */
  controls?: ReactNode;
  /** Extra content under the chart (marker panel…). */
  footer?: ReactNode;
  /** Hide the on-screen legend (e.g. a single series). */
  hideLegend?: boolean;
  /** No SVG/PNG (a table-only card). */
  tableOnly?: boolean;
  /** Produces the CSV itself (e.g. the server's full table rather than the page shown). */
  csv?: () => Promise<{ csv: string; fileName?: string }>;
  /** No SVG/PNG but still the table toggle (content that is not a chart, e.g. KPI cards). */
  noImageExport?: boolean;
  children?: ReactNode;
}

/**
 * The frame of every chart: title, definition panel, legend, "view as table" toggle, PNG/SVG/CSV
 * export, and the loading, error and empty states with what to do next.
 */
export function ChartCard(props: ChartCardProps) {
  const { t } = useI18n();
  const errorMessage = useErrorText();
  const theme = useChartTheme();
  const [asTable, setAsTable] = useState(Boolean(props.tableOnly));
  const [exportError, setExportError] = useState<string | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const { state } = props;
  const ready = !state.isPending && !state.error && !state.isEmpty;
  // A workspace with no events at all needs an import, not a wider period.
  const dims = useDimensions();
  const noData = dims.data ? dims.data.firstDate === null : false;

  const mainSvg = (): SVGSVGElement | null =>
    chartRef.current?.querySelector<SVGSVGElement>('[data-chart-main] svg.recharts-surface') ??
    chartRef.current?.querySelector<SVGSVGElement>('svg.recharts-surface') ??
    null;

  const buildSvg = () => {
    const svg = mainSvg();
    if (!svg) throw new Error(t('dashboards.export.noChart'));
    return chartToSvg({ svg, title: props.title, subtitle: props.subtitle, legend: props.legend, theme });
  };

  const run = async (kind: 'png' | 'svg' | 'csv') => {
    const started = performance.now();
    setExportError(null);
    try {
      const name = exportFileName(props.exportName, props.period, kind);
      if (kind === 'csv' && props.csv) {
        const out = await props.csv();
        downloadText(out.csv, out.fileName ?? name, 'text/csv;charset=utf-8');
      } else if (kind === 'csv') {
        const header = props.columns.map((c) => c.key);
        downloadText(toCsv(props.rows, header), name, 'text/csv;charset=utf-8');
      } else {
        const doc = buildSvg();
        if (kind === 'svg') downloadText(doc.svg, name, 'image/svg+xml;charset=utf-8');
        else downloadBlob(await svgToPng(doc.svg, doc.width, doc.height), name);
      }
    } catch (e) {
      setExportError(errorMessage(e).message);
    } finally {
      performance.measure(`chart-export:${kind}-total`, { start: started });
    }
  };

  // Retry also asks again for the workspace's dimensions when they failed: every page's filter
  // waits on them (e.g. a ClickHouse server that was down), so retrying the card alone would not do.
  const retry = state.onRetry || dims.isError ? () => {
    if (dims.isError) void dims.refetch();
    state.onRetry?.();
  } : undefined;

  let body: ReactNode;
  // A known error first: a query waiting on a failed one (the filter's dimensions) stays pending forever.
  if (state.error) {
    body = (
      <div className="chart-state chart-state-error" role="alert">
        <strong>{t('dashboards.state.errorTitle')}</strong>
        <p>{errorMessage(state.error).message}</p>
        {/* A ClickHouse workspace without its password: a way to give it, not a dead end. */}
        {needsWarehousePassword(state.error) ? <WarehousePasswordAction error={state.error} /> : <p className="muted">{t('dashboards.state.errorHint')}</p>}
        {retry && !needsWarehousePassword(state.error) ? (
          <button type="button" className="chart-btn" onClick={retry}>
            {t('dashboards.state.retry')}
          </button>
        ) : null}
      </div>
    );
  } else if (state.isPending) {
    body = (
      <div className="chart-state" role="status">
        <span className="chart-spinner" aria-hidden="true" />
        {t('dashboards.state.loading')}
      </div>
    );
  } else if (state.isEmpty && noData) {
    body = (
      <div className="chart-state">
        <strong>{t('dashboards.state.noDataTitle')}</strong>
        <p className="muted">{t('dashboards.state.noDataHint')}</p>
        <a className="chart-btn chart-btn-primary" href="#/imports">
          {t('dashboards.state.goImport')}
        </a>
      </div>
    );
  } else if (state.isEmpty) {
    body = (
      <div className="chart-state">
        <strong>{t('dashboards.state.emptyTitle')}</strong>
        <p className="muted">{state.emptyHint ?? t('dashboards.state.emptyHint')}</p>
      </div>
    );
  } else if (asTable) {
    body = <DataTable caption={props.title} columns={props.columns} rows={props.rows} />;
  } else {
    body = <div ref={chartRef}>{props.children}</div>;
  }

  return (
    <section className="chart-card" aria-label={props.title}>
      <header className="chart-head">
        <div className="chart-titles">
          <h3>{props.title}</h3>
          {props.subtitle ? <p className="chart-subtitle">{props.subtitle}</p> : null}
        </div>
        <div className="chart-tools">
          {props.controls}
          {!props.tableOnly ? (
            <button type="button" className="chart-btn" aria-pressed={asTable} disabled={!ready} onClick={() => setAsTable((v) => !v)}>
              {asTable ? t('dashboards.chart.viewChart') : t('dashboards.chart.viewTable')}
            </button>
          ) : null}
          <div className="chart-export" role="group" aria-label={t('dashboards.export.group', { title: props.title })}>
            {!props.tableOnly && !props.noImageExport ? (
              <>
                <button type="button" className="chart-btn" disabled={!ready || asTable} onClick={() => void run('png')} aria-label={t('dashboards.export.pngLabel', { title: props.title })}>
                  PNG
                </button>
                <button type="button" className="chart-btn" disabled={!ready || asTable} onClick={() => void run('svg')} aria-label={t('dashboards.export.svgLabel', { title: props.title })}>
                  SVG
                </button>
              </>
            ) : null}
            <button type="button" className="chart-btn" disabled={!ready} onClick={() => void run('csv')} aria-label={t('dashboards.export.csvLabel', { title: props.title })}>
              CSV
            </button>
          </div>
        </div>
      </header>
      {exportError ? (
        <p className="chart-export-error" role="alert">
          {t('dashboards.export.failed', { message: exportError })}
        </p>
      ) : null}
      {body}
      {ready && !asTable && !props.hideLegend && props.legend.length > 0 ? <Legend items={props.legend} /> : null}
      {ready ? props.footer : null}
      <DefinitionPanel ids={props.definitions} />
    </section>
  );
}

/** The on-screen legend (the exported files draw the same items in SVG). */
export function Legend(props: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {props.items.map((item) => (
        <li key={item.label}>
          <span className={item.dashed ? 'chart-swatch chart-swatch-line' : 'chart-swatch'} style={{ background: item.dashed ? undefined : item.color, borderColor: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
