/**
 * The required-element checks measured on the labelled corpus (test/fixtures/disclosures/corpus):
 * per locale × element, TP/FP/FN/TN, precision and recall, the files behind every error; the same
 * figures on the held-out set (test/fixtures/disclosures/holdout-2, skipped when it is absent),
 * without its files, which no one tunes the rules to; then the time of a full check on 2,000
 * characters (median and p95 of many runs).
 * Run: npm run bench:checks [-- --rules <folder>]   (VERBOSE=1 also prints the evidence of every error;
 * --rules measures a team's own rules folder, as `notice-desk lint --rules` uses it)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDisclosureRules, loadTemplate } from '../electron/backend/disclosures/resources.ts';
import { checkDisclosure } from '../shared/disclosures/check.ts';
import { parseCorpusFile, REQUIRED_ELEMENTS, type CorpusNotice } from '../shared/disclosures/detect/corpus.ts';
import type { Locale } from '../shared/disclosures/types.ts';
import { variableValues } from '../shared/disclosures/variables.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpusDir = path.join(root, 'test/fixtures/disclosures/corpus');
// --rules <folder>: measure a team's own rules (rules/<locale>.json there wins file by file, as in lint).
const rulesArg = process.argv.indexOf('--rules');
if (rulesArg > 0) {
  const dir = path.resolve(process.argv[rulesArg + 1] ?? '');
  if (!fs.existsSync(dir)) throw new Error(`${dir}: no such rules folder`);
  process.env.NOTICE_DESK_RULES_DIR = dir;
}
const shipped = loadDisclosureRules();
const verbose = process.env.VERBOSE === '1';

/** Every labelled notice under `dir` (<locale>/<surface>-<nn>-<slug>.md). */
function loadNotices(dir: string): CorpusNotice[] {
  const out: CorpusNotice[] = [];
  for (const locale of ['en', 'ko']) {
    const sub = path.join(dir, locale);
    if (!fs.existsSync(sub)) continue;
    for (const name of fs.readdirSync(sub).filter((f) => f.endsWith('.md')).sort()) {
      const rel = `${locale}/${name}`;
      out.push(parseCorpusFile(fs.readFileSync(path.join(sub, name), 'utf8'), rel));
    }
  }
  return out;
}

function checkOf(locale: Locale, text: string, surface: CorpusNotice['surface']) {
  return checkDisclosure(text, {
    locale,
    surface,
    rules: shipped.rules[locale],
    wordLists: { hardWords: shipped.hardWords[locale], jargon: shipped.jargon[locale] },
  });
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  errors: string[];
}

const pct = (a: number, b: number) => (b === 0 ? '   —  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

/**
 * Prints the figures of one labelled set. `withFiles` false (the held-out set) prints counts only:
 * the files behind its errors are withheld, so that no one tunes the rules to them.
 */
function report(name: string, notices: CorpusNotice[], withFiles: boolean): void {
  const tallies = new Map<string, Tally>();
  let exact = 0;
  for (const n of notices) {
    const result = checkOf(n.locale, n.body, n.surface);
    let ok = true;
    for (const id of REQUIRED_ELEMENTS[n.surface]) {
      const key = `${n.locale} ${id}`;
      const t = tallies.get(key) ?? { tp: 0, fp: 0, fn: 0, tn: 0, errors: [] };
      tallies.set(key, t);
      const expected = n.present.includes(id);
      const verdict = result.elements.find((e) => e.id === id);
      const found = verdict?.present ?? false;
      if (expected && found) t.tp++;
      else if (!expected && !found) t.tn++;
      else {
        ok = false;
        if (found) t.fp++;
        else t.fn++;
        const evidence = verdict && verdict.text ? ` «${verdict.text.replace(/\s+/g, ' ').slice(0, 160)}»` : '';
        t.errors.push(`${found ? 'FP' : 'FN'} ${n.file}${verbose ? evidence : ''}`);
      }
    }
    if (ok) exact++;
  }
  const byLocale = (l: string) => notices.filter((n) => n.locale === l).length;
  console.log(`${name}: ${notices.length} notices (${byLocale('en')} en, ${byLocale('ko')} ko); every label right in ${exact} (${pct(exact, notices.length).trim()})${withFiles ? '' : '; the files behind errors are withheld'}`);
  console.log(`${'locale element'.padEnd(30)}   TP   FP   FN   TN  precision  recall`);
  let worst = 100;
  for (const [key, t] of [...tallies.entries()].sort()) {
    const p = t.tp + t.fp === 0 ? 100 : (100 * t.tp) / (t.tp + t.fp);
    const r = t.tp + t.fn === 0 ? 100 : (100 * t.tp) / (t.tp + t.fn);
    worst = Math.min(worst, p, r);
    console.log(`${key.padEnd(30)} ${[t.tp, t.fp, t.fn, t.tn].map((x) => String(x).padStart(4)).join(' ')}  ${pct(t.tp, t.tp + t.fp).padStart(9)}  ${pct(t.tp, t.tp + t.fn).padStart(6)}`);
    if (withFiles) for (const e of t.errors) console.log(`    ${e}`);
  }
  console.log(`lowest precision or recall: ${worst.toFixed(1)}% (target ≥ 97%)`);
}

const corpus = loadNotices(corpusDir);
const sources = shipped.sources ?? { en: 'resources/rules/en.json', ko: 'resources/rules/ko.json' };
console.log(`rules: ${path.relative(root, path.resolve(root, sources.en))}, ${path.relative(root, path.resolve(root, sources.ko))}`);
report('corpus', corpus, true);
// The held-out set: the first one (holdout/) was spent and folded into the corpus; this is its successor.
const holdoutDir = path.join(root, 'test/fixtures/disclosures/holdout-2');
if (fs.existsSync(holdoutDir)) {
  console.log('');
  report('held-out set', loadNotices(holdoutDir), false);
}

function notice(locale: Locale, chars: number): string {
  const surfaces = ['alimtalk', 'consent-prompt', 'install', 'settings', 'terms'] as const;
  let text = '';
  for (let i = 0; text.length < chars; i++) text += loadTemplate(surfaces[i % surfaces.length]!, locale).text + '\n\n';
  return text.slice(0, chars);
}

/** 2,000 characters of the corpus's own notices (paraphrased wording, FAQs, lists). */
function corpusText(locale: Locale, chars: number): string {
  let text = '';
  for (const n of corpus.filter((x) => x.locale === locale && x.paraphrased)) {
    if (text.length >= chars) break;
    text += n.body + '\n\n';
  }
  return text.slice(0, chars);
}

const runs = Number(process.env.RUNS ?? 300);
for (const [label, locale, text] of [
  ['templates', 'ko', notice('ko', 2_000)],
  ['templates', 'en', notice('en', 2_000)],
  ['corpus notices', 'ko', corpusText('ko', 2_000)],
  ['corpus notices', 'en', corpusText('en', 2_000)],
] as const) {
  const options = {
    locale,
    surface: 'alimtalk' as const,
    rules: shipped.rules[locale],
    variables: variableValues(locale),
    wordLists: { hardWords: shipped.hardWords[locale], jargon: shipped.jargon[locale] },
  };
  for (let i = 0; i < 30; i++) checkDisclosure(text, options);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checkDisclosure(text, options);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p95 = samples[Math.floor(samples.length * 0.95)]!;
  console.log(`check time, ${locale}, ${text.length} characters of ${label}: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${runs} runs (debounce 150 ms)`);
}
