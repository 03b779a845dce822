import type {
  ConsentEvent,
  EventKind,
  NotificationEvent,
  UrlEvent,
} from '../../../shared/domain/canonical.ts';
import type { Db } from '../db/connection.ts';
import {
  eventColumns,
  prepareEventStatements,
  pushConsent,
  pushNotification,
  pushUrl,
  type EventStatements,
  type StoredEvent,
} from '../db/events-repo.ts';
import type { RollupAccumulator } from '../rollups/index.ts';
import type { AnyEvent } from './validate.ts';

const KEY_SPACE = 2 ** 53;
const U = '\u001f';
const NUL = '\u0000';

/** A 53-bit string hash (cyrb53): cheap, well mixed; clashes are verified, never trusted. */
export function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const opt = (v: string | number | null) => (v === null ? NUL : String(v));

/**
 * What identifies an event for dedupe (docs/canonical-model.md): its event id, or else all its normalised
 * fields. Built from stored values only, so a stored row gives the same text back.
 */
export function dedupeMaterial(kind: EventKind, e: AnyEvent): string {
  if (e.eventId !== null) return 'i' + U + e.eventId;
  if (kind === 'notifications') {
    const n = e as NotificationEvent;
    return `${n.sentAt}${U}${n.recipientId}${U}${n.senderId}${U}${opt(n.templateId)}${U}${opt(n.category)}${U}${n.status}${U}${opt(n.bytes)}${U}${n.network}`;
  }
  if (kind === 'consent') {
    const c = e as ConsentEvent;
    return `${c.occurredAt}${U}${c.recipientId}${U}${opt(c.senderId)}${U}${c.action}${U}${opt(c.disclosureVersion)}${U}${opt(c.source)}`;
  }
  const u = e as UrlEvent;
  return `${u.occurredAt}${U}${u.url}${U}${u.action}${U}${opt(u.recipientId)}${U}${opt(u.engine)}`;
}

function materialOfStored(kind: EventKind, row: StoredEvent): string {
  return dedupeMaterial(kind, row);
}

const PUSH = { notifications: pushNotification, consent: pushConsent, urls: pushUrl } as const;

/**
 * Writes one kind of event in multi-row `INSERT OR IGNORE` batches. A batch where every row went
 * in is the fast path; otherwise each row is checked against the stored event with its key: the
 * same event is a duplicate, a different one (a hash clash) moves to the next free key.
 * Every stored event goes to the rollup accumulator.
 */
export class KindWriter {
  imported = 0;
  duplicates = 0;
  private readonly kind: EventKind;
  private readonly importId: number;
  private readonly stmts: EventStatements;
  private readonly batch: number;
  private readonly addRollup: (e: AnyEvent) => void;
  private events: AnyEvent[] = [];
  private keys: number[] = [];
  private lines: number[] = [];
  private maxId: number;

  constructor(db: Db, kind: EventKind, importId: number, acc: RollupAccumulator) {
    this.kind = kind;
    this.importId = importId;
    this.stmts = prepareEventStatements(db, kind);
    this.batch = Math.floor(2000 / eventColumns[kind].length);
    this.maxId = this.stmts.maxId();
    this.addRollup =
      kind === 'notifications'
        ? (e) => acc.addNotification(e as NotificationEvent)
        : kind === 'consent'
          ? (e) => acc.addConsent(e as ConsentEvent)
          : (e) => acc.addUrl(e as UrlEvent);
  }

  /** Queues one validated event. */
  add(event: AnyEvent, line: number): void {
    this.events.push(event);
    this.keys.push(hash53(dedupeMaterial(this.kind, event)));
    this.lines.push(line);
    if (this.events.length >= this.batch) this.flush();
  }

  /** Writes the queued events. */
  flush(): void {
    const n = this.events.length;
    if (n === 0) return;
    const params: (string | number | null)[] = [];
    const push = PUSH[this.kind] as (o: unknown[], i: number, k: number, e: AnyEvent, l: number) => void;
    for (let i = 0; i < n; i++) push(params, this.importId, this.keys[i]!, this.events[i]!, this.lines[i]!);
    const before = this.maxId;
    const info = this.stmts.insertMany(n).run(params);
    if (info.changes > 0) this.maxId = Math.max(this.maxId, Number(info.lastInsertRowid));
    if (info.changes === n) {
      this.imported += n;
      for (const e of this.events) this.addRollup(e);
    } else {
      const claimed = new Set<number>();
      for (let i = 0; i < n; i++) {
        const e = this.events[i]!;
        const existing = this.stmts.findByKey(this.keys[i]!);
        if (existing && existing.id > before && !claimed.has(existing.id)) {
          claimed.add(existing.id);
          this.imported++;
          this.addRollup(e);
        } else this.resolveClash(e, this.keys[i]!, this.lines[i]!);
      }
    }
    this.events = [];
    this.keys = [];
    this.lines = [];
  }

  /** A row whose key was taken: a duplicate, or a distinct event that moves to the next free key. */
  private resolveClash(e: AnyEvent, key: number, line: number): void {
    const material = dedupeMaterial(this.kind, e);
    let k = key;
    for (;;) {
      const existing = this.stmts.findByKey(k);
      if (!existing) {
        const params: (string | number | null)[] = [];
        (PUSH[this.kind] as (o: unknown[], i: number, k: number, e: AnyEvent, l: number) => void)(params, this.importId, k, e, line);
        const info = this.stmts.insertMany(1).run(params);
        this.maxId = Math.max(this.maxId, Number(info.lastInsertRowid));
        this.imported++;
        this.addRollup(e);
        return;
      }
      if (materialOfStored(this.kind, existing) === material) {
        this.duplicates++;
        return;
      }
      k = (k + 1) % KEY_SPACE;
    }
  }
}
