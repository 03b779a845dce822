import { userError } from '../../../../shared/contract/errors.ts';
import type { EventKind } from '../../../../shared/domain/canonical.ts';
import type { Adapter, CanonicalFields } from '../types.ts';
import { canonicalFields, kindFromFields } from '../validate.ts';
import { str } from './values.ts';

const KNOWN = new Set(Object.values(canonicalFields).flatMap((f) => [...f.required, ...f.optional]));

/** The canonical format (docs/canonical-model.md): CSV/TSV with canonical headers, NDJSON or a JSON array. */
export const canonicalAdapter: Adapter = {
  name: 'canonical',
  kinds: ['notifications', 'consent', 'urls'],
  detect(sample) {
    if (sample.format === 'csv') return kindFromFields(sample.header) !== null;
    const o = sample.objects[0];
    return o !== undefined && kindFromFields(Object.keys(o).map((k) => k.trim().toLowerCase())) !== null;
  },
  create(setup) {
    if (setup.header.length > 0) {
      const names = setup.header.map((h) => h.trim().toLowerCase());
      const kind = setup.kind ?? kindFromFields(names);
      if (!kind) {
        throw userError('unsupported-format', 'adapters.kind-unknown', { file: setup.fileName });
      }
      const columns: [string, number][] = [];
      names.forEach((n, i) => {
        if (KNOWN.has(n) && !columns.some(([c]) => c === n)) columns.push([n, i]);
      });
      return (record, emit) => {
        if (record.type !== 'row') return emit.reject(null, 'expected a CSV row');
        const f: CanonicalFields = {};
        const v = record.values;
        for (let i = 0; i < columns.length; i++) f[columns[i]![0]] = v[columns[i]![1]];
        emit.event(kind, f);
      };
    }
    return (record, emit) => {
      if (record.type !== 'object') return emit.reject(null, 'expected a JSON object');
      const f: CanonicalFields = {};
      for (const [k, v] of Object.entries(record.value)) {
        const name = k.trim().toLowerCase();
        if (KNOWN.has(name)) f[name] = str(v);
      }
      const kind: EventKind | null = setup.kind ?? kindFromFields(Object.keys(f));
      if (!kind) return emit.reject(null, 'the object has none of sent_at, occurred_at + action, or url');
      emit.event(kind, f);
    };
  },
};
