import {
  consentActions,
  networks,
  notificationStatuses,
  urlActions,
  type ConsentEvent,
  type EventKind,
  type NotificationEvent,
  type UrlEvent,
} from '../../../shared/domain/canonical.ts';
import { parseTimestamp } from './time.ts';
import type { CanonicalFields } from './types.ts';

/** Why a row was rejected. */
export interface RowProblem {
  column: string | null;
  reason: string;
}

/** Per-workspace privacy rules applied to every row at import. */
export interface RowPrivacy {
  pseudonymise: ((id: string) => string) | null;
  stripUrlQuery: boolean;
}

export type AnyEvent = NotificationEvent | ConsentEvent | UrlEvent;

const STATUS = new Set<string>(notificationStatuses);
const NETWORK = new Set<string>(networks);
const CONSENT = new Set<string>(consentActions);
const URL_ACTION = new Set<string>(urlActions);
const NON_NEGATIVE_INT = /^\d{1,15}$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** The fields each kind requires and allows (docs/canonical-model.md). */
export const canonicalFields: Record<EventKind, { required: readonly string[]; optional: readonly string[] }> = {
  notifications: {
    required: ['sent_at', 'recipient_id', 'sender_id'],
    optional: ['event_id', 'template_id', 'category', 'status', 'bytes', 'network'],
  },
  consent: {
    required: ['occurred_at', 'recipient_id', 'action'],
    optional: ['event_id', 'sender_id', 'disclosure_version', 'source'],
  },
  urls: {
    required: ['occurred_at', 'url', 'action'],
    optional: ['event_id', 'recipient_id', 'engine'],
  },
};

/** Picks the kind of a record from the canonical fields it has; null when none fits. */
export function kindFromFields(names: Iterable<string>): EventKind | null {
  const set = new Set(names);
  if (set.has('sent_at')) return 'notifications';
  if (set.has('url')) return 'urls';
  if (set.has('occurred_at') && set.has('action')) return 'consent';
  return null;
}

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/**
 * Reads canonical field text into typed, normalised events. On a bad row it returns null and
 * leaves the reason in `problem`.
 */
export class RowValidator {
  problem: RowProblem = { column: null, reason: '' };
  private readonly zone: string;
  private readonly privacy: RowPrivacy;

  constructor(zone: string, privacy: RowPrivacy) {
    this.zone = zone;
    this.privacy = privacy;
  }

  private fail(column: string, reason: string): null {
    this.problem = { column, reason };
    return null;
  }

  private required(f: CanonicalFields, name: string): string | null {
    const v = text(f[name]);
    if (v === null) this.fail(name, f[name] === undefined ? `${name} is missing` : `${name} is empty`);
    return v;
  }

  private time(f: CanonicalFields, name: string): { utc: number; raw: string; zoneAssumed: boolean } | null {
    const raw = this.required(f, name);
    if (raw === null) return null;
    const t = parseTimestamp(raw, this.zone);
    if (!t) {
      return this.fail(
        name,
        `${name} "${raw.slice(0, 40)}" is not a timestamp (expected ISO-8601, YYYY-MM-DD HH:mm:ss, or epoch seconds/milliseconds)`,
      );
    }
    return { utc: t.utc, raw, zoneAssumed: t.zoneAssumed };
  }

  private enumerated(f: CanonicalFields, name: string, allowed: Set<string>, fallback: string | null): string | null {
    const raw = text(f[name]);
    if (raw === null) {
      if (fallback === null) this.fail(name, `${name} is ${f[name] === undefined ? 'missing' : 'empty'}`);
      return fallback;
    }
    const v = raw.toLowerCase();
    if (!allowed.has(v)) {
      this.fail(name, `${name} "${raw.slice(0, 40)}" is not one of ${[...allowed].join(', ')}`);
      return null;
    }
    return v;
  }

  private recipient(value: string): string {
    return this.privacy.pseudonymise ? this.privacy.pseudonymise(value) : value;
  }

  /** One notification, or null (see `problem`). */
  notification(f: CanonicalFields): NotificationEvent | null {
    const t = this.time(f, 'sent_at');
    if (!t) return null;
    const recipient = this.required(f, 'recipient_id');
    if (recipient === null) return null;
    const sender = this.required(f, 'sender_id');
    if (sender === null) return null;
    const status = this.enumerated(f, 'status', STATUS, 'sent');
    if (status === null) return null;
    const network = this.enumerated(f, 'network', NETWORK, 'unknown');
    if (network === null) return null;
    const bytesText = text(f.bytes);
    let bytes: number | null = null;
    if (bytesText !== null) {
      if (!NON_NEGATIVE_INT.test(bytesText)) {
        return this.fail('bytes', `bytes "${bytesText.slice(0, 40)}" is not a non-negative integer`);
      }
      bytes = Number(bytesText);
    }
    return {
      eventId: text(f.event_id),
      sentAt: t.utc,
      sentAtRaw: t.raw,
      zoneAssumed: t.zoneAssumed,
      recipientId: this.recipient(recipient),
      senderId: sender,
      templateId: text(f.template_id),
      category: text(f.category),
      status: status as NotificationEvent['status'],
      bytes,
      network: network as NotificationEvent['network'],
    };
  }

  /** One consent event, or null (see `problem`). */
  consent(f: CanonicalFields): ConsentEvent | null {
    const t = this.time(f, 'occurred_at');
    if (!t) return null;
    const recipient = this.required(f, 'recipient_id');
    if (recipient === null) return null;
    const action = this.enumerated(f, 'action', CONSENT, null);
    if (action === null) return null;
    return {
      eventId: text(f.event_id),
      occurredAt: t.utc,
      occurredAtRaw: t.raw,
      zoneAssumed: t.zoneAssumed,
      recipientId: this.recipient(recipient),
      senderId: text(f.sender_id),
      action: action as ConsentEvent['action'],
      disclosureVersion: text(f.disclosure_version),
      source: text(f.source),
    };
  }

  /** One URL event, or null (see `problem`). */
  url(f: CanonicalFields): UrlEvent | null {
    const t = this.time(f, 'occurred_at');
    if (!t) return null;
    let url = this.required(f, 'url');
    if (url === null) return null;
    if (!HTTP_URL.test(url) || !URL.canParse(url)) {
      return this.fail('url', `url "${url.slice(0, 60)}" is not an absolute http(s) URL`);
    }
    if (this.privacy.stripUrlQuery) url = stripQuery(url);
    const action = this.enumerated(f, 'action', URL_ACTION, null);
    if (action === null) return null;
    const recipient = text(f.recipient_id);
    return {
      eventId: text(f.event_id),
      occurredAt: t.utc,
      occurredAtRaw: t.raw,
      zoneAssumed: t.zoneAssumed,
      url,
      action: action as UrlEvent['action'],
      recipientId: recipient === null ? null : this.recipient(recipient),
      engine: text(f.engine),
    };
  }

  /** Validates one record of any kind. */
  validate(kind: EventKind, f: CanonicalFields): AnyEvent | null {
    if (kind === 'notifications') return this.notification(f);
    if (kind === 'consent') return this.consent(f);
    return this.url(f);
  }
}

/** An URL without its query string and fragment. */
export function stripQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}
