import { describe, expect, it } from 'vitest';
import { OTHER_KEY, pivotBuckets, rankCounts } from '../../../shared/charts/series.ts';
import { seriesLabel, stackSeries } from '../../../renderer/components/charts/series-helpers.ts';
import { translate } from '../../../renderer/i18n/translate.ts';
import type { MessageKey } from '../../../renderer/i18n/types.ts';
import { notifications, workspace } from './helpers.ts';

describe('the "other" series', () => {
  it('has one key from the backend through the charts to the legend: eleven senders, in both languages', async () => {
    const w = await workspace();
    const rows: (string | number)[][] = [];
    for (let s = 1; s <= 11; s++) {
      for (let i = 0; i < 12 - s; i++) rows.push([`n${s}-${i}`, `2016-03-0${1 + (i % 5)}T09:00:00+09:00`, `r${i}`, `sender${String(s).padStart(2, '0')}`, 'delivered', 1024]);
    }
    await w.load(notifications(rows));
    const volume = await w.api['metrics:volume']({ from: '2016-03-01', to: '2016-03-31', by: 'month', stackBy: 'sender' });
    expect(volume.stackKeys).toHaveLength(8);
    expect(volume.stackKeys.at(-1)).toBe(OTHER_KEY);
    // The four smallest senders (4 + 3 + 2 + 1 messages) folded into it.
    expect(volume.buckets.reduce((sum, b) => sum + (b.stack[OTHER_KEY] ?? 0), 0)).toBe(10);

    const pivot = pivotBuckets(volume.buckets.map((b) => ({ bucket: b.bucket, values: b.stack })));
    expect(pivot.keys).toContain(OTHER_KEY);
    expect(rankCounts(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`s${i}`, 11 - i])), 10).at(-1)!.label).toBe(OTHER_KEY);

    for (const [locale, word] of [['en', 'Other'], ['ko', translate('ko', 'dashboards.series.other')]] as const) {
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      const legend = stackSeries(volume.stackKeys, 'bar', 'light', t, false).map((s) => s.label);
      expect(legend.at(-1)).toBe(word);
      expect(legend.some((label) => label.includes('__'))).toBe(false);
      expect(seriesLabel(OTHER_KEY, t)).toBe(word);
    }
    expect(translate('ko', 'dashboards.series.other')).not.toBe('Other');
  });
});
