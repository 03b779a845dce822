import { z } from 'zod';
import type { RuleSet, WordEntry } from '../disclosures/rules-schema.ts';
import type {
  CheckResult,
  Disclosure,
  DisclosureSummary,
  Locale,
  Surface,
} from '../disclosures/types.ts';
import { DISCLOSURE_STATUSES, SURFACES } from '../disclosures/types.ts';
import type { DisclosureCostModel, VariableOverrides } from '../disclosures/variables.ts';
import { OVERRIDE_LIMITS, type CheckOverride } from '../disclosures/overrides.ts';
import { call } from './define.ts';

const id = z.number().int().positive();
const surface = z.enum(SURFACES);
/** Texts up to 100,000 characters (an AlimTalk is at most 1,000; terms can be long). */
const text = z.string().max(100_000);

/** Template variable values for both locales, and where the cost model came from. */
export interface DisclosureVariables {
  values: Record<Locale, Record<string, string>>;
  costModel: DisclosureCostModel;
  /** `workspace` when the metrics cost model is stored in the workspace, else `defaults` (docs/metrics.md). */
  source: 'workspace' | 'defaults';
  overrides: VariableOverrides;
  descriptions: Record<string, { ko: string; en: string }>;
}

/** A disclosure in the list, with its checklist in effect (checks plus the reviewers' overrides). */
export interface DisclosureListItem extends DisclosureSummary {
  checklist: {
    /** Required elements missing, counted over both languages, once overrides in force are applied. */
    missing: number;
    /** Overrides in force that decide a verdict (stale ones are not counted). */
    overruled: number;
  };
}

/** One starter template. */
export interface DisclosureTemplate {
  surface: Surface;
  locale: Locale;
  /** Markdown subset with `{{variables}}`. */
  text: string;
  /** The template's suggested title. */
  title: string;
}

/** The rule sets and word lists the checks run with (the renderer runs `checkDisclosure` with them). */
export interface DisclosureRules {
  rules: Record<Locale, RuleSet>;
  hardWords: Record<Locale, WordEntry[]>;
  jargon: Record<Locale, WordEntry[]>;
  /** The rules file each locale was read from (a team's own copy or the shipped one). */
  sources?: Record<Locale, string>;
}

/**
 * The result of an export. With `path`, the file is written there and `base64` is null; without it
 * (browser mode), nothing is written and the bytes come back as base64 for a download. Both null:
 * the user cancelled Electron's save dialog, nothing was written.
 */
export interface DisclosureExport {
  path: string | null;
  fileName: string;
  mimeType: string;
  bytes: number;
  base64: string | null;
}

/** Result of an autosave: cheap, just the new stamp and version. */
export interface DisclosureSaved {
  id: number;
  updatedAt: number;
  version: number;
}

const locale = z.enum(['ko', 'en']);
/** Who does something, for the audit trail (Settings' name); may be empty where no name is needed. */
const actor = z.string().trim().max(OVERRIDE_LIMITS.reviewer).default('');
/** A person's name as Settings keeps it (the reviewer display name), trimmed, not empty. */
const reviewer = z.string().trim().min(1).max(OVERRIDE_LIMITS.reviewer);
/** A source range of one locale's text, with the words it holds (checked against the stored text). */
const evidence = z
  .object({
    start: z.number().int().nonnegative().max(100_000),
    end: z.number().int().nonnegative().max(100_000),
    quote: z.string().min(1).max(OVERRIDE_LIMITS.quote),
  })
  .strict()
  .refine((r) => r.end > r.start && r.end - r.start === r.quote.length, { message: 'end must be after start, and quote exactly the range' });
const overruleBase = {
  id,
  locale,
  element: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(OVERRIDE_LIMITS.element),
  reason: z.string().trim().min(1).max(OVERRIDE_LIMITS.reason),
  reviewer,
};

const variableOverrides = z
  .object({
    sender_name: z.string().max(200).optional(),
    service_name: z.string().max(200).optional(),
    settings_path: z.string().max(200).optional(),
    refuse_keyword: z.string().max(200).optional(),
    support_contact: z.string().max(200).optional(),
  })
  .strict();

export const disclosureCalls = {
  /** Every disclosure of the workspace (no texts), newest update first, with its checklist in effect. */
  'disclosures:list': call<DisclosureListItem[]>()(z.object({}).strict()),
  /** One disclosure with both texts and its status history. */
  'disclosures:get': call<Disclosure>()(z.object({ id }).strict()),
  /** Creates a draft from the surface's starter template (default) or blank. */
  'disclosures:create': call<Disclosure>()(
    z
      .object({
        surface,
        title: z.string().trim().min(1).max(200).optional(),
        from: z.enum(['template', 'blank']).default('template'),
      })
      .strict(),
  ),
  /**
   * Autosave: changes any of title, surface and texts. With `expectedVersion`, refuses (conflict)
   * when someone else saved in between. Only draft and in-review disclosures can be edited.
   */
  'disclosures:update': call<DisclosureSaved>()(
    z
      .object({
        id,
        title: z.string().trim().min(1).max(200).optional(),
        surface: surface.optional(),
        koText: text.optional(),
        enText: text.optional(),
        expectedVersion: z.number().int().nonnegative().optional(),
      })
      .strict(),
  ),
  /**
   * Moves a disclosure along the workflow (docs/review.md#workflow): submitting (→ in-review)
   * freezes a version; approving or requesting changes (with a reason, `note`) records the
   * decision on the version in review; publishing records publishedAt (now) and effectiveAt (given,
   * epoch ms, default now). `actor` (Settings' name) is required for all four; every change is in
   * the audit trail.
   */
  'disclosures:setStatus': call<Disclosure>()(
    z
      .object({
        id,
        status: z.enum(DISCLOSURE_STATUSES),
        effectiveAt: z.number().int().nonnegative().optional(),
        note: z.string().max(2000).optional(),
        actor: actor,
      })
      .strict(),
  ),
  /**
   * Copies a disclosure into a new draft (same surface and texts): how a published or approved
   * text gets its next version, since those are frozen.
   */
  'disclosures:duplicate': call<Disclosure>()(
    z.object({ id, title: z.string().trim().min(1).max(200).optional(), actor }).strict(),
  ),
  /** Deletes a disclosure (not a published one: retire it instead). */
  'disclosures:delete': call<null>()(z.object({ id }).strict()),
  /** Template variable values from the workspace cost model (or docs/metrics.md defaults). */
  'disclosures:variables': call<DisclosureVariables>()(z.object({}).strict()),
  /** Sets the workspace's own variable values (sender name, settings path…); returns all values. */
  'disclosures:setVariables': call<DisclosureVariables>()(z.object({ overrides: variableOverrides }).strict()),
  /** Starter templates, one per surface and locale. */
  'disclosures:templates': call<DisclosureTemplate[]>()(z.object({}).strict()),
  /** The validated rule sets and word lists (from resources/rules and resources/wordlists). */
  'disclosures:rules': call<DisclosureRules>()(z.object({}).strict()),
  /** Runs the checks on a text with the app's rules and the workspace's variables (CLI `lint` shape). */
  'disclosures:check': call<CheckResult & { locale: Locale; surface: Surface }>()(
    z.object({ text, locale: z.enum(['ko', 'en']), surface }).strict(),
  ),
  /** A disclosure's required-element overrides, oldest first (withdrawn ones too when asked). */
  'disclosures:overrides': call<CheckOverride[]>()(z.object({ id, withdrawn: z.boolean().default(false) }).strict()),
  /**
   * Overrules the checks' verdict on one required element of one language's saved text: `present`
   * (on an element the checks miss) with the range that says it; `insufficient` (on one they find)
   * with why it is not enough. Replaces an override still in force for that element.
   */
  'disclosures:overrule': call<CheckOverride>()(
    z.discriminatedUnion('verdict', [
      z.object({ ...overruleBase, verdict: z.literal('present'), evidence }).strict(),
      z.object({ ...overruleBase, verdict: z.literal('insufficient') }).strict(),
    ]),
  ),
  /** Withdraws an override of this disclosure (kept, marked withdrawn by whom and when). */
  'disclosures:withdrawOverride': call<CheckOverride>()(z.object({ id, overrideId: id, reviewer }).strict()),
  /**
   * Exports a disclosure as pdf, html or md. With `path`, writes that file and returns its path:
   * only a path the user chose (the CLI), refused from the app's pages. Without it, Electron's main
   * shows a save dialog and writes where the user chose; browser mode returns the bytes as base64
   * (a download).
   */
  'disclosures:export': call<DisclosureExport>()(
    z
      .object({
        id,
        format: z.enum(['pdf', 'html', 'md']),
        path: z.string().min(1).max(4096).optional(),
        actor,
      })
      .strict(),
  ),
};
