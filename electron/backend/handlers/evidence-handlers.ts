import type { evidenceCalls } from '../../../shared/contract/evidence.ts';
import { deliverBytes } from '../disclosures/export.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { disclosuresInForce } from '../evidence/in-force.ts';
import { resolvePeriod } from '../evidence/period.ts';
import { periodHasEvents } from '../db/evidence-repo.ts';
import { verifyEvidencePack } from '../evidence/verify.ts';
import { runJob } from '../jobs/run-job.ts';
import { appendAudit } from '../review/audit.ts';
import { warehouseEvidenceEvents } from '../warehouse/evidence.ts';
import { sessionWarehouse } from '../warehouse/session.ts';
import { givenSavePath, savePath } from './save-path.ts';
import type { HandlersFor } from './types.ts';

/** The evidence pack's calls (docs/evidence.md). */
export const evidenceHandlers: HandlersFor<keyof typeof evidenceCalls> = {
  'evidence:write': async (input, ctx) => {
    // The caller's path is checked before anything is looked up (handlers/save-path.ts).
    const given = givenSavePath(ctx, input.path);
    const session = ctx.workspace();
    const { db } = session;
    // A ClickHouse workspace's figures are read from its warehouse here, where the connection is.
    const wh = sessionWarehouse(session, { secrets: ctx.host.secrets });
    const events = wh ? await warehouseEvidenceEvents(wh, db, input) : undefined;
    const period = resolvePeriod(db, workspaceTimeZone(db), input, Date.now, events?.range);
    const empty = {
      events: !(events?.hasEvents ?? periodHasEvents(db, period.fromDay, period.toDay)),
      disclosures: disclosuresInForce(db, period.fromMs, period.toMs, period.timeZone, {}).length === 0,
    };
    const folder = `notice-desk-evidence-${period.from}_${period.to}`;
    const fileName = `${folder}.zip`;
    const target = await savePath(ctx, given, fileName);
    const base = { fileName, mimeType: 'application/zip' as const, period: { from: period.from, to: period.to }, empty };
    if (target === null) return { ...base, path: null, bytes: 0, base64: null, manifestSha256: '', files: 0 };
    // Made in the worker on its own read-only connection (seconds on a large workspace).
    const built = await runJob('evidence:build', {
      workspace: session.path,
      from: period.from,
      to: period.to,
      language: input.language,
      ...(events ? { events } : {}),
    });
    const zip = built.zip;
    const delivered = deliverBytes(zip, fileName, 'application/zip', target);
    appendAudit(db, {
      at: Date.now(),
      actor: input.actor,
      action: 'export',
      subject: 'evidence',
      details: {
        format: 'evidence-pack',
        from: period.from,
        to: period.to,
        language: input.language,
        manifestSha256: built.manifestSha256,
        files: built.files,
        fileName,
        bytes: zip.length,
      },
    });
    return { ...base, path: delivered.path, bytes: delivered.bytes, base64: delivered.base64, manifestSha256: built.manifestSha256, files: built.files };
  },
  'evidence:verify': (input, ctx) => {
    const file = ctx.paths.check(input.path, 'import');
    return verifyEvidencePack(file, input.manifestSha256 !== undefined ? { manifestSha256: input.manifestSha256 } : {});
  },
};
