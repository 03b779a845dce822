import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHARTS = path.resolve('renderer/components/charts');

/** The chart modules a chart module imports (type-only imports included: they still tie the files). */
function localImports(file: string): string[] {
  const text = fs.readFileSync(path.join(CHARTS, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'\.\/([^']+)'/gm)].map((m) => m[1]!);
}

/** Every cycle among the modules of a folder, as paths `a → b → a`. */
function cycles(files: string[]): string[] {
  const found: string[] = [];
  const visit = (file: string, trail: string[]): void => {
    const at = trail.indexOf(file);
    if (at >= 0) {
      found.push([...trail.slice(at), file].join(' → '));
      return;
    }
    if (!files.includes(file)) return;
    for (const next of localImports(file)) visit(next, [...trail, file]);
  };
  for (const file of files) visit(file, []);
  return [...new Set(found)];
}

describe('chart modules', () => {
  it('import one another without a cycle (MainTimeChart and TimeSeriesChart used to import each other)', () => {
    const files = fs.readdirSync(CHARTS).filter((f) => /\.tsx?$/.test(f));
    expect(files).toContain('MainTimeChart.tsx');
    expect(cycles(files)).toEqual([]);
  });
});
