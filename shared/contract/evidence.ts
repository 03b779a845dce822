import { z } from 'zod';
import type { EvidenceVerification } from '../evidence/types.ts';
import { OVERRIDE_LIMITS } from '../disclosures/overrides.ts';
import { call } from './define.ts';

/** A calendar date in the workspace time zone. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' });

/**
 * The evidence pack written by the app (docs/evidence.md): always one zip holding the pack's folder.
 * With `path`, the zip was written there (Electron's save dialog, the CLI, tests) and `base64` is null;
 * in browser mode nothing is written and the bytes come back as base64 for a download. `path` and
 * `base64` both null: the user cancelled the save dialog, nothing was written.
 */
export interface EvidenceWritten {
  path: string | null;
  fileName: string;
  mimeType: 'application/zip';
  bytes: number;
  base64: string | null;
  /** SHA-256 of the pack's manifest.json, for the user to record (verify compares with it). */
  manifestSha256: string;
  /** Files in the pack, manifest included. */
  files: number;
  /** The period the pack covers (inclusive dates in the workspace time zone). */
  period: { from: string; to: string };
  /** What the period holds: the pack is still written, and says so, when either is true. */
  empty: { events: boolean; disclosures: boolean };
}

export const evidenceCalls = {
  /**
   * Writes the evidence pack for a period (default: the workspace's first to last event day) as one
   * zip, and records an 'export' entry with the manifest hash in the audit trail.
   */
  'evidence:write': call<EvidenceWritten>()(
    z
      .object({
        from: day.optional(),
        to: day.optional(),
        language: z.enum(['ko', 'en']),
        path: z.string().min(1).max(4096).optional(),
        /** Who writes it, for the audit trail (Settings' reviewer name); may be left out. */
        actor: z.string().trim().max(OVERRIDE_LIMITS.reviewer).default(''),
      })
      .strict(),
  ),
  /**
   * Verifies a pack (a folder or its zip): every file's hash against manifest.json, and the manifest's
   * own hash against `manifestSha256` when given. The path must be one the user chose (or uploaded).
   */
  'evidence:verify': call<EvidenceVerification>()(
    z
      .object({
        path: z.string().min(1).max(4096),
        manifestSha256: z.string().regex(/^[0-9a-fA-F]{64}$/, { message: 'expected 64 hexadecimal digits' }).optional(),
      })
      .strict(),
  ),
};
