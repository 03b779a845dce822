import { describe, expect, it } from 'vitest';
import { binaryTicks, formatBytes, formatKrw, formatKrwRange, formatPercent, krwFormatter, niceTicks, percentAxisMax } from '../../../shared/charts/axis.ts';
import { buildExportSvg, escapeXml, exportFileName, hasPngSignature, layoutLegend } from '../../../shared/charts/svg-export.ts';

describe('axis helpers', () => {
  it('chooses round tick steps that cover the range', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 9, 4)).toEqual([0, 5, 10]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('formats bytes in binary units, the 2016 case sizes included', () => {
    expect(formatBytes(15_360)).toBe('15 KiB');
    expect(formatBytes(2_048)).toBe('2 KiB');
    expect(formatBytes(19_456)).toBe('19 KiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_610_612_736)).toBe('1.5 GiB');
  });

  it('formats percentages and won', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(null)).toBe('—');
    expect(formatKrw(0.475)).toBe('₩0.48');
    expect(formatKrw(12345.6)).toBe('₩12,346');
  });

  it('shows won at one precision wherever amounts stand together: whole won from ₩10, two decimals only below', () => {
    // Before: ₩95.00 – ₩150 (decimals below ₩100 beside whole amounts).
    expect(formatKrwRange(95, 150)).toBe('₩95 – ₩150');
    expect(formatKrwRange(9.5, 150)).toBe('₩10 – ₩150');
    expect(formatKrwRange(0.475, 9.5)).toBe('₩0.48 – ₩9.50');
    expect(formatKrw(42.4)).toBe('₩42');
    const axis = krwFormatter([0, 2.5, 50, 120]);
    expect([0, 2.5, 50, 120].map(axis)).toEqual(['₩0', '₩3', '₩50', '₩120']);
    const small = krwFormatter([0, 0.25, 0.5]);
    expect([0, 0.25, 0.5].map(small)).toEqual(['₩0.00', '₩0.25', '₩0.50']);
    expect(formatKrwRange(1200, 24000, 'ko-KR')).toBe('₩1,200 – ₩24,000');
  });

  it('tops a percent axis at its data, at most 100 %, and at 100 % when there is nothing above zero', () => {
    expect(percentAxisMax(0)).toBe(1);
    expect(percentAxisMax(Number.NEGATIVE_INFINITY)).toBe(1);
    expect(percentAxisMax(Number.NaN)).toBe(1);
    expect(percentAxisMax(0.034)).toBe(0.034);
    expect(percentAxisMax(1.7)).toBe(1);
  });
});

describe('SVG export document', () => {
  const base = {
    chartMarkup: '<rect width="10" height="10" fill="#2f5bd3"/>',
    chartWidth: 600,
    chartHeight: 300,
    fontFamily: "'Noto Sans KR', sans-serif",
    background: '#ffffff',
    textColor: '#1b1f24',
    mutedColor: '#5a6270',
  };

  it('carries the title, the legend labels and colours, and the font family', () => {
    const { svg, width, height } = buildExportSvg({
      ...base,
      title: '알림 발송량',
      legend: [
        { label: '전달됨', color: '#2f5bd3' },
        { label: '차단 <후> 문자', color: '#b42318' },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('알림 발송량');
    expect(svg).toContain('전달됨');
    expect(svg).toContain('차단 &lt;후&gt; 문자');
    expect(svg).toContain('fill="#b42318"');
    expect(svg).toContain('font-family="&apos;Noto Sans KR&apos;, sans-serif"');
    expect(width).toBe(632);
    expect(height).toBeGreaterThan(300 + 28 + 20);
  });

  it('wraps a long legend onto several rows', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ label: `발신자 이름 ${i}`, color: '#000' }));
    expect(layoutLegend(items, 300).length).toBeGreaterThan(2);
  });

  it('escapes markup in text', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('names files safely, keeping Korean', () => {
    expect(exportFileName('옵트아웃 비율', '2016-01-01..2016-06-30', 'png')).toBe('옵트아웃-비율-2016-01-01..2016-06-30.png');
    expect(exportFileName('a/b:c', 'all', 'csv')).toBe('a-b-c-all.csv');
  });

  it('recognises the PNG signature', () => {
    expect(hasPngSignature(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(hasPngSignature(new TextEncoder().encode('<svg'))).toBe(false);
  });
});

describe('byte axis ticks', () => {
  it('steps in round binary units', () => {
    expect(binaryTicks(7.6 * 1024 * 1024).map((v) => formatBytes(v))).toEqual(['0 B', '2 MiB', '4 MiB', '6 MiB', '8 MiB']);
    expect(binaryTicks(900)).toEqual([0, 250, 500, 750, 1000]);
    expect(binaryTicks(0)).toEqual([0]);
  });
});
