import { userError } from '../../../../shared/contract/errors.ts';
import { normaliseTimestamp, timestampFormats, type TimestampFormat } from '../time.ts';
import type { Adapter, CanonicalFields } from '../types.ts';
import { str } from './values.ts';

const TIME_FIELDS = new Set(['sent_at', 'occurred_at']);

/**
 * The generic column mapping: the user maps source columns (CSV header names or JSON keys) to
 * canonical fields, with the timestamp layout and zone; saved as a named preset that later files
 * with the same header reuse. Never auto-detected without a mapping.
 */
export const genericAdapter: Adapter = {
  name: 'generic',
  kinds: ['notifications', 'consent', 'urls'],
  detect: () => false,
  create(setup) {
    const mapping = setup.mapping;
    if (!mapping) throw userError('bad-input', 'adapters.mapping-needed', { file: setup.fileName });
    const format = ((timestampFormats as readonly string[]).includes(mapping.timestampFormat)
      ? mapping.timestampFormat
      : 'auto') as TimestampFormat;
    const lower = setup.header.map((h) => h.trim().toLowerCase());
    const columns: [string, number, string][] = [];
    for (const [field, column] of Object.entries(mapping.columns)) {
      if (!column) continue;
      const i = lower.indexOf(column.trim().toLowerCase());
      if (setup.header.length > 0 && i === -1) {
        throw userError('bad-input', 'adapters.mapping-column-missing', { file: setup.fileName, column });
      }
      columns.push([field, i, column]);
    }
    const convert = (field: string, v: string | undefined) =>
      v !== undefined && TIME_FIELDS.has(field) ? normaliseTimestamp(v, format) : v;
    return (r, emit) => {
      const f: CanonicalFields = {};
      if (r.type === 'row') {
        for (const [field, i] of columns) f[field] = convert(field, r.values[i]);
      } else if (r.type === 'object') {
        for (const [field, , column] of columns) f[field] = convert(field, str(r.value[column]));
      } else return;
      emit.event(mapping.kind, f);
    };
  },
};
