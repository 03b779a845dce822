/**
 * The additive event counts: rollup_consent_daily (consent events per day, sender and action) and
 * rollup_urls_daily (URL events per day and action). Added at every flush, subtracted when an
 * import is deleted (remove.ts).
 */
import { localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { SEP } from './keys.ts';
import type { RollupStep } from './step.ts';

/** The upserts of the two tables (a removal adds negative counts through them). */
export function eventCountStatements(db: Db) {
  return {
    consent: db.prepare(
      `INSERT INTO rollup_consent_daily (day, sender_id, action, events) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET events = events + excluded.events`,
    ),
    url: db.prepare(
      `INSERT INTO rollup_urls_daily (day, action, events) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET events = events + excluded.events`,
    ),
  };
}

/** The consent and URL daily counts step. */
export function eventsDailyStep(zone: string): RollupStep {
  let w: ReturnType<typeof eventCountStatements> | null = null;
  let consent = new Map<string, number>();
  let urls = new Map<string, number>();
  return {
    addConsent(e) {
      const key = localDay(e.occurredAt, zone) + SEP + (e.senderId ?? '') + SEP + e.action;
      consent.set(key, (consent.get(key) ?? 0) + 1);
    },
    addUrl(e) {
      const key = localDay(e.occurredAt, zone) + SEP + e.action;
      urls.set(key, (urls.get(key) ?? 0) + 1);
    },
    flush(ctx) {
      w ??= eventCountStatements(ctx.db);
      for (const [key, n] of consent) {
        const [day, sender, action] = key.split(SEP);
        w.consent.run(Number(day), sender, action, n);
      }
      for (const [key, n] of urls) {
        const [day, action] = key.split(SEP);
        w.url.run(Number(day), action, n);
      }
      consent = new Map();
      urls = new Map();
    },
  };
}
