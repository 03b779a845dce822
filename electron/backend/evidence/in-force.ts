/**
 * Which disclosures were in force during a period (docs/evidence.md#in-force): published (or since
 * retired) disclosures that took effect by the end of the period and were not retired before it
 * began. Who approved and published each, and the frozen version that was published, come from the
 * review records and the audit trail.
 */
import { dayLabel, localDay } from '../../../shared/metrics/calendar.ts';
import type { EvidenceDisclosure } from '../../../shared/evidence/types.ts';
import type { DisclosureVersion } from '../../../shared/review/types.ts';
import type { Db } from '../db/connection.ts';
import { getDisclosure, listPublishedDisclosures } from '../db/disclosures-repo.ts';
import { getVersion, latestVersion, listDecisions } from '../review/review-repo.ts';
import { statusEntries } from '../review/audit.ts';

/** A disclosure in force, with the frozen version whose texts were published (null before versions existed). */
export interface InForce {
  disclosure: EvidenceDisclosure;
  version: DisclosureVersion | null;
}

/** Pack-relative file stem of a disclosure's texts: `disclosures/<id>-v<n>` (`-unversioned` without a version). */
export function disclosureStem(id: number, version: number | null): string {
  return `disclosures/${id}-${version === null ? 'unversioned' : `v${version}`}`;
}

/**
 * The disclosures in force at some instant of [fromMs, toMs), by effective date then id. A disclosure
 * counts when its effective instant is before `toMs` and it was not retired before `fromMs` (nor
 * before it took effect: such a text was never in force).
 */
export function disclosuresInForce(db: Db, fromMs: number, toMs: number, timeZone: string, variables: Record<string, string>): InForce[] {
  const out: InForce[] = [];
  for (const p of listPublishedDisclosures(db)) {
    if (p.effectiveAt >= toMs) continue;
    const statuses = statusEntries(db, p.id);
    const published = statuses.find((e) => e.details.to === 'published');
    const retiredEntry = statuses.find((e) => e.details.to === 'retired');
    const current = getDisclosure(db, p.id);
    if (!current) continue;
    // The status history is kept beside the audit trail; it stands in where no audit entry exists, and
    // a retired text's last change (retiring locks it) where neither does.
    const retiredAt =
      retiredEntry?.at ?? current.history.find((h) => h.to === 'retired')?.at ?? (current.status === 'retired' ? current.updatedAt : null);
    if (retiredAt !== null && (retiredAt < fromMs || retiredAt <= p.effectiveAt)) continue;
    const publishedNumber = typeof published?.details.version === 'number' ? published.details.version : null;
    const version = publishedNumber !== null ? getVersion(db, p.id, publishedNumber) : latestVersion(db, p.id);
    const approval = version
      ? listDecisions(db, p.id)
          .filter((d) => d.decision === 'approved' && d.versionNumber === version.number)
          .at(-1) ?? null
      : null;
    const stem = disclosureStem(p.id, version?.number ?? null);
    out.push({
      version,
      disclosure: {
        id: p.id,
        title: version?.title ?? current.title,
        surface: version?.surface ?? current.surface,
        status: current.status,
        version: version?.number ?? null,
        versionSha256: version?.sha256 ?? null,
        effectiveAt: p.effectiveAt,
        effectiveDay: dayLabel(localDay(p.effectiveAt, timeZone)),
        retiredAt,
        retiredDay: retiredAt === null ? null : dayLabel(localDay(retiredAt, timeZone)),
        approvedBy: approval?.reviewer ?? null,
        approvedAt: approval?.decidedAt ?? null,
        publishedBy: published?.actor ?? null,
        publishedAt: published?.at ?? p.publishedAt,
        texts: { ko: version?.koText ?? current.koText, en: version?.enText ?? current.enText },
        variables,
        files: {
          md: { ko: `${stem}.ko.md`, en: `${stem}.en.md` },
          html: { ko: `${stem}.ko.html`, en: `${stem}.en.html` },
        },
      },
    });
  }
  return out;
}
