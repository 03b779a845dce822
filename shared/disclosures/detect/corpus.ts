import { z } from 'zod';
import { LOCALES, SURFACES, type Locale, type Surface } from '../types.ts';

/**
 * The labelled corpus of test/fixtures/disclosures/corpus/: one notice a file, after a front-matter
 * block naming its locale, surface and the required elements it contains (its README).
 */

/** The required elements of each surface. */
export const REQUIRED_ELEMENTS: Record<Surface, readonly string[]> = {
  alimtalk: ['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences'],
  'consent-prompt': ['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences'],
  install: ['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences'],
  settings: ['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences'],
  terms: ['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences'],
  'url-notice': ['url-use', 'how-to-refuse'],
};

const frontMatterSchema = z
  .object({
    locale: z.enum(LOCALES),
    surface: z.enum(SURFACES),
    present: z.array(z.string()),
    paraphrased: z.boolean(),
    source: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

/** One labelled notice. */
export interface CorpusNotice {
  file: string;
  locale: Locale;
  surface: Surface;
  present: string[];
  paraphrased: boolean;
  source: string;
  note?: string;
  /** The notice (Markdown subset), without the front matter. */
  body: string;
}

/** A YAML-subset value: a [list], true/false, a "quoted" string or a bare string. */
function parseValue(raw: string): unknown {
  const v = raw.trim();
  if (v.startsWith('[') && v.endsWith(']')) {
    return v.slice(1, -1).split(',').map((x) => x.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  }
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^".*"$/s.test(v)) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v.slice(1, -1);
    }
  }
  if (/^'.*'$/s.test(v)) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/**
 * Parses a corpus file; throws an Error naming the file and what is wrong with its front matter
 * (a missing block, a bad key, an element the surface does not require, a name that disagrees).
 */
export function parseCorpusFile(text: string, file: string): CorpusNotice {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text.replace(/^\uFEFF/, ''));
  if (!m) throw new Error(`${file}: no front matter (a block between two "---" lines at the top)`);
  const fields: Record<string, unknown> = {};
  m[1]!.split(/\r?\n/).forEach((line, i) => {
    const content = line.replace(/\s+#.*$/, '');
    if (!content.trim() || content.trim().startsWith('#')) return;
    const kv = /^([A-Za-z-]+):(.*)$/.exec(content);
    if (!kv) throw new Error(`${file}: front matter line ${i + 2}: expected "key: value", got "${line}"`);
    fields[kv[1]!] = parseValue(kv[2]!);
  });
  const parsed = frontMatterSchema.safeParse(fields);
  if (!parsed.success) {
    throw new Error(`${file}: front matter: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; ')}`);
  }
  const meta = parsed.data;
  const required = REQUIRED_ELEMENTS[meta.surface];
  const unknown = meta.present.filter((id) => !required.includes(id));
  if (unknown.length) throw new Error(`${file}: front matter: present: ${unknown.join(', ')} is not required on ${meta.surface} (${required.join(', ')})`);
  const name = file.split(/[\\/]/).slice(-2);
  if (name.length === 2 && (name[0] !== meta.locale || !name[1]!.startsWith(`${meta.surface}-`))) {
    throw new Error(`${file}: front matter says ${meta.locale}/${meta.surface}, the file name disagrees`);
  }
  return { file, ...meta, body: text.replace(/^\uFEFF/, '').slice(m[0].length) };
}
