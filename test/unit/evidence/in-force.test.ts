import { describe, expect, it } from 'vitest';
import { collectEvidence } from '../../../electron/backend/evidence/collect.ts';
import { publish, seoul, workspace, notifications } from './helpers.ts';

const day = (d: string) => seoul(`${d}T00:00`);

/** A workspace with events in March 2016 and notices published around it. */
async function setting() {
  const w = await workspace();
  await w.load(
    notifications([
      ['n1', '2016-03-01T10:00:00+09:00', 'r1', 's1', 'delivered'],
      ['n2', '2016-03-31T10:00:00+09:00', 'r1', 's1', 'delivered'],
    ]),
  );
  const at = (d: string) => ({ submittedAt: day(d) - 3 * 86_400_000, approvedAt: day(d) - 2 * 86_400_000, publishedAt: day(d) - 86_400_000, effectiveAt: day(d) });
  const ids = {
    before: await publish(w.api, w.db, { title: 'Before the period', ...at('2016-02-01') }),
    within: await publish(w.api, w.db, { title: 'Within the period', ...at('2016-03-15') }),
    lastDay: await publish(w.api, w.db, { title: 'On its last day', ...at('2016-03-31') }),
    after: await publish(w.api, w.db, { title: 'After the period', ...at('2016-04-01') }),
    retiredBefore: await publish(w.api, w.db, { title: 'Retired before', ...at('2016-01-01'), retiredAt: day('2016-02-29') + 3_600_000 }),
    retiredWithin: await publish(w.api, w.db, { title: 'Retired within', ...at('2016-01-01'), retiredAt: day('2016-03-10') }),
    retiredOnFirstDay: await publish(w.api, w.db, { title: 'Retired on the first day', ...at('2016-01-01'), retiredAt: day('2016-03-01') }),
    retiredAfter: await publish(w.api, w.db, { title: 'Retired after', ...at('2016-01-01'), retiredAt: day('2016-05-01') }),
  };
  // A draft is never in force.
  await w.api['disclosures:create']({ surface: 'install', title: 'A draft' });
  return { w, ids };
}

describe('disclosures in force during a period', () => {
  it('are those published by the end of the period and not retired before it began', async () => {
    const { w, ids } = await setting();
    const s = collectEvidence(w.db(), { from: '2016-03-01', to: '2016-03-31', language: 'ko' });
    expect(s.disclosures.map((d) => d.id).sort((a, b) => a - b)).toEqual(
      [ids.before, ids.within, ids.lastDay, ids.retiredWithin, ids.retiredOnFirstDay, ids.retiredAfter].sort((a, b) => a - b),
    );
    // Ordered by effective date, then id.
    expect(s.disclosures.map((d) => d.effectiveAt)).toEqual([...s.disclosures.map((d) => d.effectiveAt)].sort((a, b) => a - b));
    expect(s.empty.disclosures).toBe(false);
  });

  it('name the frozen version, its hash, the approver and publisher, the effective and retirement days', async () => {
    const { w, ids } = await setting();
    const s = collectEvidence(w.db(), { from: '2016-03-01', to: '2016-03-31', language: 'en' });
    const within = s.disclosures.find((d) => d.id === ids.within)!;
    const version = await w.api['review:version']({ id: ids.within, number: 1 });
    expect(within).toMatchObject({
      title: 'Within the period',
      status: 'published',
      version: 1,
      versionSha256: version.sha256,
      effectiveAt: day('2016-03-15'),
      effectiveDay: '2016-03-15',
      retiredAt: null,
      retiredDay: null,
      approvedBy: '김법무',
      approvedAt: day('2016-03-13'),
      publishedBy: '박게시',
      publishedAt: day('2016-03-14'),
      texts: { ko: version.koText, en: version.enText },
      files: { md: { ko: `disclosures/${ids.within}-v1.ko.md`, en: `disclosures/${ids.within}-v1.en.md` } },
    });
    const retired = s.disclosures.find((d) => d.id === ids.retiredWithin)!;
    expect(retired).toMatchObject({ status: 'retired', retiredAt: day('2016-03-10'), retiredDay: '2016-03-10' });
  });

  it('keep the published version and its approval when a later draft is started from it', async () => {
    const { w, ids } = await setting();
    const copy = await w.api['disclosures:duplicate']({ id: ids.within });
    await w.api['disclosures:update']({ id: copy.id, koText: '바뀐 본문' });
    const s = collectEvidence(w.db(), { from: '2016-03-01', to: '2016-03-31', language: 'ko' });
    expect(s.disclosures.find((d) => d.id === copy.id)).toBeUndefined();
    expect(s.disclosures.find((d) => d.id === ids.within)?.texts.ko).not.toBe('바뀐 본문');
  });

  it('are none in a period before anything took effect, and the summary says so', async () => {
    const { w } = await setting();
    const s = collectEvidence(w.db(), { from: '2015-06-01', to: '2015-06-30', language: 'ko' });
    expect(s.disclosures).toEqual([]);
    expect(s.empty).toEqual({ events: true, disclosures: true });
  });
});
