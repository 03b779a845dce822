import { describe, expect, it } from 'vitest';
import { downsampleRows, lttbIndices, mergeRows, minMaxIndices } from '../../../shared/charts/downsample.ts';

describe('LTTB downsampling', () => {
  it('keeps every point when the series is already short', () => {
    expect(lttbIndices([0, 1, 2], [5, 6, 7], 10)).toEqual([0, 1, 2]);
  });

  it('keeps the first and last point and exactly `threshold` points', () => {
    const n = 3650;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((x) => Math.sin(x / 50));
    const idx = lttbIndices(xs, ys, 500);
    expect(idx).toHaveLength(500);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(n - 1);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('keeps a single spike that a naive every-nth sampling would drop', () => {
    const n = 1000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((x) => (x === 537 ? 100 : 1));
    expect(lttbIndices(xs, ys, 50)).toContain(537);
  });

  it('refuses x and y arrays of different lengths', () => {
    expect(() => lttbIndices([0, 1], [1], 1)).toThrow(/2 x values but 1 y values/);
  });
});

describe('min/max per pixel', () => {
  it('keeps each column\'s lowest and highest point', () => {
    const ys = [5, 1, 9, 5, 5, 0, 7, 5, 5, 5, 5, 5];
    const idx = minMaxIndices(ys, 2);
    expect(idx).toContain(2); // 9, first half max
    expect(idx).toContain(5); // 0, first half min
    expect(idx).toContain(0);
    expect(idx).toContain(11);
    expect(idx.length).toBeLessThanOrEqual(6);
  });
});

describe('row downsampling', () => {
  it('reduces ten years of daily rows to the threshold, keeping whole rows', () => {
    const rows = Array.from({ length: 3653 }, (_, i) => ({ label: `d${i}`, a: i % 7, b: 1 }));
    const out = downsampleRows(rows, ['a', 'b'], 600);
    expect(out).toHaveLength(600);
    expect(out[0]).toBe(rows[0]);
    expect(out[599]).toBe(rows[3652]);
  });

  it('merges stacked bars by summing so totals are preserved', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ label: `d${i}`, a: 1, b: i }));
    const out = mergeRows(rows, ['a', 'b'], 4);
    expect(out).toHaveLength(4);
    expect(out.reduce((s, r) => s + r.a, 0)).toBe(10);
    expect(out.reduce((s, r) => s + r.b, 0)).toBe(45);
    expect(out[0]).toMatchObject({ label: 'd0', labelEnd: 'd2', a: 3, b: 3 });
  });
});
