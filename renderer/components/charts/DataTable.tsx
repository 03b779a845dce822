import type { CsvValue } from '../../../shared/metrics/csv.ts';

/** One column of a data table: its key in the rows, header text and an optional cell formatter. */
export interface TableColumn {
  key: string;
  label: string;
  format?: (value: CsvValue) => string;
  numeric?: boolean;
}

/** An accessible data table (caption, column headers, row headers in the first column). */
export function DataTable(props: { caption: string; columns: readonly TableColumn[]; rows: readonly Record<string, CsvValue>[]; maxRows?: number }) {
  const rows = props.maxRows ? props.rows.slice(0, props.maxRows) : props.rows;
  return (
    <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table className="chart-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {props.columns.map((c, j) => {
                const value = row[c.key];
                const text = c.format ? c.format(value) : value === null || value === undefined ? '—' : String(value);
                return j === 0 ? (
                  <th key={c.key} scope="row">
                    {text}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
