/**
 * Benchmark of the disclosure engine: how long the live checks take on a ~2,000-character text
 * (they run on every keystroke in the studio), and how long a PDF export takes.
 * Run: npm run bench:disclosures
 */
import { performance } from 'node:perf_hooks';
import { renderDisclosure } from '../electron/backend/disclosures/export.ts';
import { loadDisclosureRules, loadTemplate } from '../electron/backend/disclosures/resources.ts';
import { checkDisclosure } from '../shared/disclosures/check.ts';
import { parseMarkdown } from '../shared/disclosures/markdown.ts';
import type { Disclosure, Locale } from '../shared/disclosures/types.ts';
import { variableValues } from '../shared/disclosures/variables.ts';

const rules = loadDisclosureRules();

function textOf(locale: Locale, chars: number): string {
  const parts = ['alimtalk', 'consent-prompt', 'install', 'settings', 'terms'] as const;
  let text = '';
  for (let i = 0; text.length < chars; i++) text += loadTemplate(parts[i % parts.length]!, locale).text + '\n';
  return text.slice(0, chars);
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs: number): { median: number; p95: number } {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: median(samples), p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

const runs = Number(process.env.RUNS ?? 200);
console.log(`disclosure engine benchmark (${runs} runs each, after 20 warm-up runs)`);
for (const locale of ['ko', 'en'] as const) {
  for (const chars of [2_000, 10_000]) {
    const text = textOf(locale, chars);
    const options = {
      locale,
      surface: 'alimtalk' as const,
      rules: rules.rules[locale],
      variables: variableValues(locale),
      wordLists: { hardWords: rules.hardWords[locale], jargon: rules.jargon[locale] },
    };
    const parse = time(() => parseMarkdown(text), runs);
    const full = time(() => checkDisclosure(text, options), runs);
    console.log(
      `${locale} ${String(text.length).padStart(6)} chars: parse ${parse.median.toFixed(3)} ms, ` +
        `checkDisclosure median ${full.median.toFixed(3)} ms (p95 ${full.p95.toFixed(3)} ms), ` +
        `${Math.round(text.length / full.median).toLocaleString('en')} chars/ms, ` +
        `${(16.7 / full.median).toFixed(1)}× inside one 60 Hz frame`,
    );
  }
}

const disclosure: Disclosure = {
  id: 1, title: '벤치마크', surface: 'alimtalk', status: 'draft',
  koText: loadTemplate('alimtalk', 'ko').text, enText: loadTemplate('alimtalk', 'en').text,
  createdAt: 0, updatedAt: 0, publishedAt: null, effectiveAt: null, version: 1, derivedFrom: null, history: [],
};
const variables = { ko: variableValues('ko'), en: variableValues('en') };
for (const format of ['pdf', 'html', 'md'] as const) {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < (format === 'pdf' ? 5 : 50); i++) {
    const t = performance.now();
    bytes = (await renderDisclosure(disclosure, format, { variables, rules })).length;
    samples.push(performance.now() - t);
  }
  console.log(`export ${format.padEnd(4)}: median ${median(samples).toFixed(1)} ms, ${bytes.toLocaleString('en')} bytes`);
}
