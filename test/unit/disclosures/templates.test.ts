import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../electron/backend/disclosures/resources.ts';
import { SURFACES } from '../../../shared/disclosures/types.ts';
import { check } from './helpers.ts';

describe('starter templates', () => {
  const templates = loadTemplates();

  it('exist for every surface in both languages', () => {
    expect(templates).toHaveLength(SURFACES.length * 2);
  });

  it.each(templates.map((t) => [t.surface, t.locale, t] as const))('%s (%s) passes every check with no findings at all', (_s, _l, t) => {
    const r = check(t.text, t.locale, t.surface);
    expect(r.missing).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.readability.indicators.filter((i) => !i.ok)).toEqual([]);
  });

  it('a broken template is caught (the checks can fail on them)', () => {
    const t = templates.find((x) => x.surface === 'alimtalk' && x.locale === 'ko')!;
    const broken = t.text.replace(/\*\*알림톡을 받고 싶지 않으면[^\n]*\n/, '');
    expect(check(broken, 'ko').missing).toEqual(['how-to-refuse']);
  });
});

describe('texts with Windows line endings and a BOM-less UTF-8 paste', () => {
  it('check the same with CRLF as with LF, with ranges into the CRLF text', () => {
    const t = loadTemplates().find((x) => x.surface === 'alimtalk' && x.locale === 'ko')!;
    const crlf = t.text.replace(/\n/g, '\r\n');
    expect(check(crlf, 'ko').findings).toEqual([]);
    const broken = crlf.replace('**알림톡을 받으면', '알림톡을 받으면').replace('씁니다.**', '씁니다.');
    const f = check(broken, 'ko').findings.find((x) => x.rule === 'emphasis')!;
    expect(broken.slice(f.start, f.end)).toBe('알림톡을 받으면 데이터 요금이 들 수 있습니다.');
  });
});
