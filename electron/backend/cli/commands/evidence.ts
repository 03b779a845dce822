import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkDateRange } from '../args.ts';
import { openWorkspaceInProcess } from '../../workspace.ts';
import { UsageError, type CliCommand } from '../types.ts';

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

export const evidenceWrite: CliCommand = {
  name: 'evidence',
  summary: 'Write the evidence pack for a period: disclosures in force, figures, CSVs, audit trail and a manifest of SHA-256 hashes',
  usage: 'notice-desk evidence --workspace <ws> --out <folder> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--zip] [--lang ko|en] [--json]',
  help: [
    'Writes a folder holding summary.pdf, figures.csv, charts/*.csv, disclosures.csv and the texts in force',
    '(disclosures/*.md, *.html), cost-model.csv, audit-trail.csv/.json, review-threads.csv/.json,',
    'imports.csv, definitions.csv and manifest.json (every other file with its size and SHA-256). The same',
    'workspace and period give byte-identical files. Nothing half-written is left if anything fails.',
    '',
    'Options:',
    '  --workspace <ws>  the workspace file (required)',
    '  --out <folder>    the folder to write (required); it must not exist or be empty',
    '  --from <date>     first day of the period (default: the first day with events)',
    '  --to <date>       last day of the period (default: the last day with events)',
    '  --zip             also write <folder>.zip (the folder inside, entries dated by the period\'s end)',
    '  --lang <ko|en>    the language of summary.pdf (default ko); labels carry both languages',
    '  --json            print {"folder","zipPath","period","empty","disclosures","audit","files":[{"path","size","sha256"}],"manifestSha256"}',
    '',
    'The last line printed is the manifest\'s SHA-256: record it where a later check can compare it',
    '(notice-desk evidence verify <folder> --manifest-sha256 <hex>).',
    'Exit codes: 0 written; 1 written, but the period holds no events, no disclosure was in force or the',
    'audit trail does not verify; 2 bad usage, or nothing was written.',
    '',
    'A ClickHouse workspace\'s figures are read from its warehouse, the password from',
    'NOTICE_DESK_CLICKHOUSE_PASSWORD or NOTICE_DESK_CLICKHOUSE_PASSWORD_FILE.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        zip: { type: 'boolean' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    if (!values.workspace) throw new UsageError('Name the workspace with --workspace <ws>.');
    if (!values.out) throw new UsageError('Name the folder to write with --out <folder>.');
    const language = values.lang ?? 'ko';
    if (language !== 'ko' && language !== 'en') throw new UsageError(`Unknown language "${language}". Use ko or en.`);
    checkDateRange(values.from, values.to);
    const ws = path.resolve(values.workspace);
    if (!fs.existsSync(ws)) throw new UsageError(`${ws}: no such workspace.`);
    const { writeEvidencePack } = await import('../../evidence/pack.ts');
    const { warehouseEvidenceEvents } = await import('../../warehouse/evidence.ts');
    const { sessionWarehouse } = await import('../../warehouse/session.ts');
    const session = await openWorkspaceInProcess(ws);
    let written;
    try {
      const period = { ...(values.from !== undefined ? { from: values.from } : {}), ...(values.to !== undefined ? { to: values.to } : {}) };
      // A ClickHouse workspace: its figures from the warehouse (password from the environment or its file).
      const wh = sessionWarehouse(session);
      const events = wh ? await warehouseEvidenceEvents(wh, session.db, period) : undefined;
      written = await writeEvidencePack(session.db, { out: values.out, language, zip: values.zip === true, ...period, ...(events ? { events } : {}) });
    } finally {
      await session.warehouse?.close();
      session.db.close();
    }
    const s = written.summary;
    const attention = s.empty.events || s.empty.disclosures || !s.audit.verified;
    if (values.json) {
      io.stdout(
        `${JSON.stringify({
          folder: written.folder,
          zipPath: written.zipPath,
          period: s.period,
          empty: s.empty,
          disclosures: s.disclosures.map((d) => ({ id: d.id, title: d.title, version: d.version, versionSha256: d.versionSha256 })),
          audit: s.audit,
          files: written.files,
          manifestSha256: written.manifestSha256,
        })}\n`,
      );
      return attention ? 1 : 0;
    }
    const width = Math.max(...written.files.map((f) => f.path.length));
    const lines = [
      `Wrote the evidence pack for ${s.period.from} to ${s.period.to} (${s.period.timeZone}) to ${written.folder}:`,
      ...written.files.map((f) => `  ${f.path.padEnd(width)}  ${bytes(f.size).padStart(15)}  ${f.sha256}`),
    ];
    if (written.zipPath) lines.push(`Zip: ${written.zipPath} (${bytes(fs.statSync(written.zipPath).size)})`);
    lines.push(`Disclosures in force: ${s.disclosures.length ? s.disclosures.map((d) => `#${d.id} ${d.title} v${d.version ?? '—'}`).join('; ') : 'none'}`);
    lines.push(`Audit trail: ${s.audit.entries} entries, head ${s.audit.head}${s.audit.verified ? ', verifies' : ` — DOES NOT VERIFY: ${s.audit.problem}`}`);
    if (s.empty.events) lines.push('Note: the period holds no events; every figure is zero or undefined.');
    if (s.empty.disclosures) lines.push('Note: no disclosure was in force during the period.');
    lines.push('Manifest SHA-256 (record it; evidence verify --manifest-sha256 compares with it):', written.manifestSha256);
    io.stdout(`${lines.join('\n')}\n`);
    return attention ? 1 : 0;
  },
};

export const evidenceVerify: CliCommand = {
  name: 'evidence verify',
  summary: 'Check an evidence pack folder or zip: every file against manifest.json, and the manifest against a recorded hash',
  usage: 'notice-desk evidence verify <folder|zip> [--manifest-sha256 <hex>] [--json]',
  help: [
    "Recomputes every file's SHA-256 and reports each file that is missing, extra (not in the manifest)",
    'or altered. A manifest edited to match an altered file verifies against itself: give the manifest',
    'SHA-256 recorded when the pack was written to catch that too. Symbolic links in a folder are',
    'reported, never followed.',
    '',
    'Options:',
    '  <folder|zip>              the pack folder, or its zip',
    '  --manifest-sha256 <hex>   the manifest hash printed when the pack was written',
    '  --json                    print {"ok","manifestSha256","manifestMatches","checked","missing","extra","altered":[{"path","expected","actual"}],"manifestProblem"}',
    '',
    'Exit codes: 0 the pack verifies; 1 something does not; 2 bad usage or the path cannot be read.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'manifest-sha256': { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('Name exactly one pack folder or zip.');
    const expected = values['manifest-sha256'];
    if (expected !== undefined && !/^[0-9a-fA-F]{64}$/.test(expected)) throw new UsageError('--manifest-sha256 takes the 64 hexadecimal digits printed when the pack was written.');
    const { verifyEvidencePack } = await import('../../evidence/verify.ts');
    const target = path.resolve(positionals[0]!);
    const r = verifyEvidencePack(target, expected !== undefined ? { manifestSha256: expected } : {});
    if (values.json) {
      io.stdout(`${JSON.stringify(r)}\n`);
      return r.ok ? 0 : 1;
    }
    const lines: string[] = [];
    if (r.manifestProblem) lines.push(`${target}: ${r.manifestProblem}. Nothing could be checked.`);
    for (const p of r.missing) lines.push(`missing: ${p}`);
    for (const p of r.extra) lines.push(`extra:   ${p} (not in the manifest)`);
    for (const a of r.altered) lines.push(`altered: ${a.path} (manifest ${a.expected}, file ${a.actual})`);
    for (const l of r.links ?? []) lines.push(`link:    ${l} (a symbolic link or special file; not followed)`);
    if (r.manifestMatches === false) lines.push(`manifest: its SHA-256 is ${r.manifestSha256}, not the recorded ${expected!.toLowerCase()} — manifest.json was changed`);
    if (r.ok) {
      lines.push(`${target}: the pack verifies — ${r.checked} files match manifest.json${r.manifestMatches ? ', and the manifest matches the recorded SHA-256' : ''}.`);
    } else if (!r.manifestProblem) {
      lines.push(`${target}: the pack does NOT verify (${r.checked} files checked).`);
    }
    if (r.manifestSha256) lines.push(`Manifest SHA-256: ${r.manifestSha256}`);
    io.stdout(`${lines.join('\n')}\n`);
    return r.ok ? 0 : 1;
  },
};
