import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCorpusFile, REQUIRED_ELEMENTS } from '../../../shared/disclosures/detect/corpus.ts';
import { check } from './helpers.ts';

const dir = path.resolve('test/fixtures/disclosures/corpus');
const files = ['en', 'ko'].flatMap((locale) =>
  fs
    .readdirSync(path.join(dir, locale))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `${locale}/${f}`),
);

describe('the labelled disclosure corpus', () => {
  it('holds notices in both languages on every surface', () => {
    const notices = files.map((f) => parseCorpusFile(fs.readFileSync(path.join(dir, f), 'utf8'), f));
    for (const locale of ['en', 'ko'] as const) {
      const surfaces = new Set(notices.filter((n) => n.locale === locale).map((n) => n.surface));
      expect([...surfaces].sort()).toEqual(Object.keys(REQUIRED_ELEMENTS).sort());
    }
  });

  // One test per file, so a failure names the notice and the elements it got wrong.
  it.each(files)('%s: the checks find exactly the elements it is labelled with', (file) => {
    const notice = parseCorpusFile(fs.readFileSync(path.join(dir, file), 'utf8'), file);
    const result = check(notice.body, notice.locale, notice.surface);
    const found = result.elements.filter((e) => e.present).map((e) => e.id);
    expect(found.sort()).toEqual([...notice.present].sort());
    // Every element present carries its evidence: the sentence(s) that satisfied it.
    for (const e of result.elements.filter((x) => x.present)) {
      expect(e.end).toBeGreaterThan(e.start);
      expect(e.text.length).toBeGreaterThan(0);
    }
  });
});

describe('corpus front matter', () => {
  const good = '---\nlocale: en\nsurface: alimtalk\npresent: [data-charges]\nparaphrased: true\nsource: "Modelled on x"\n---\nBody.';

  it('is read with its body, list and quoted values', () => {
    const n = parseCorpusFile(good, 'en/alimtalk-99-x.md');
    expect(n).toMatchObject({ locale: 'en', surface: 'alimtalk', present: ['data-charges'], paraphrased: true, source: 'Modelled on x', body: 'Body.' });
  });

  it('fails naming the file when the block is missing, a key is unknown or a value is wrong', () => {
    expect(() => parseCorpusFile('Body only', 'en/alimtalk-98-y.md')).toThrow(/^en\/alimtalk-98-y\.md: no front matter/);
    expect(() => parseCorpusFile(good.replace('paraphrased: true', 'paraphrased: true\ncolour: red'), 'en/alimtalk-97.md')).toThrow(/en\/alimtalk-97\.md: front matter: .*colour/);
    expect(() => parseCorpusFile(good.replace('surface: alimtalk', 'surface: billboard'), 'en/alimtalk-96.md')).toThrow(/en\/alimtalk-96\.md: front matter: surface/);
    expect(() => parseCorpusFile(good.replace('paraphrased: true', 'paraphrased: maybe'), 'en/alimtalk-95.md')).toThrow(/paraphrased/);
  });

  it('fails when an element is not required on the surface, or the file name disagrees with the block', () => {
    expect(() => parseCorpusFile(good.replace('[data-charges]', '[url-use]'), 'en/alimtalk-94.md')).toThrow(/url-use is not required on alimtalk/);
    expect(() => parseCorpusFile(good, 'ko/alimtalk-93.md')).toThrow(/ko\/alimtalk-93\.md: front matter says en\/alimtalk, the file name disagrees/);
  });
});
