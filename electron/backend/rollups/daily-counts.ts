/**
 * The additive notification counts: rollup_notifications_daily (messages, known-size messages and
 * known bytes per day, sender, category, status, network), rollup_templates_daily (messages per day,
 * sender, template, category) and rollup_dimensions (the same per sender, template, category over
 * all time). Added at every flush, subtracted when an import is deleted (remove.ts).
 */
import type Database from 'better-sqlite3';
import type { NotificationEvent } from '../../../shared/domain/canonical.ts';
import type { Db } from '../db/connection.ts';
import { batchWriter } from './batch-upsert.ts';
import { SEP } from './keys.ts';
import type { RollupStep } from './step.ts';

/** The single-row upserts of the three tables (a removal adds negative counts through them). */
export function dailyCountStatements(db: Db) {
  return {
    notif: db.prepare(
      `INSERT INTO rollup_notifications_daily (day, sender_id, category, status, network, messages, known_bytes_messages, known_bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
         known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages,
         known_bytes = known_bytes + excluded.known_bytes`,
    ),
    template: db.prepare(
      `INSERT INTO rollup_templates_daily (day, sender_id, template_id, category, messages) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET messages = messages + excluded.messages`,
    ),
    dimension: db.prepare(
      `INSERT INTO rollup_dimensions (sender_id, template_id, category, messages) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET messages = messages + excluded.messages`,
    ),
  };
}

/** Multi-row versions of the two daily upserts (same SQL as `dailyCountStatements`). */
function dailyCountBatches(db: Db) {
  return {
    notif: batchWriter(
      db,
      'INSERT INTO rollup_notifications_daily (day, sender_id, category, status, network, messages, known_bytes_messages, known_bytes)',
      8,
      `ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
         known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages,
         known_bytes = known_bytes + excluded.known_bytes`,
    ),
    template: batchWriter(
      db,
      'INSERT INTO rollup_templates_daily (day, sender_id, template_id, category, messages)',
      5,
      'ON CONFLICT DO UPDATE SET messages = messages + excluded.messages',
    ),
  };
}

/** Folds daily template counts (keys day, sender, template, category) into all-time (sender, template, category) totals. */
export function foldDimensionCounts(totals: Map<string, number>, templates: Map<string, number>): void {
  for (const [key, n] of templates) {
    const rest = key.slice(key.indexOf(SEP) + 1);
    totals.set(rest, (totals.get(rest) ?? 0) + n);
  }
}

/** Adds folded dimension totals to the all-time dimensions rollup and empties them. */
export function writeDimensionCounts(dimension: Database.Statement, totals: Map<string, number>): void {
  for (const [key, n] of totals) {
    if (n === 0) continue;
    const [sender, template, category] = key.split(SEP);
    dimension.run(sender, template, category, n);
  }
  totals.clear();
}

/**
 * The daily counts step. Counts are keyed by their other dimensions, then by day: a row builds one
 * short key, and a flush splits each key once, whatever the number of days under it. The all-time
 * dimension totals are few: kept across flushes, written once by `finish`.
 */
export function dailyCountsStep(): RollupStep {
  let batched: ReturnType<typeof dailyCountBatches> | null = null;
  let dimension: Database.Statement | null = null;
  // sender, category, status, network → day → [messages, known-size messages, known bytes]
  let notif = new Map<string, Map<number, number[]>>();
  // sender, template, category → day → messages; the same keys as the all-time dimension totals
  let templates = new Map<string, Map<number, number>>();
  const dims = new Map<string, number>();
  return {
    addNotification(e: NotificationEvent, day: number, category: string) {
      const key = e.senderId + SEP + category + SEP + e.status + SEP + e.network;
      let days = notif.get(key);
      if (!days) notif.set(key, (days = new Map()));
      let v = days.get(day);
      if (!v) days.set(day, (v = [0, 0, 0]));
      v[0]!++;
      if (e.bytes !== null) {
        v[1]!++;
        v[2]! += e.bytes;
      }
      const tkey = e.senderId + SEP + (e.templateId ?? '') + SEP + category;
      let tdays = templates.get(tkey);
      if (!tdays) templates.set(tkey, (tdays = new Map()));
      tdays.set(day, (tdays.get(day) ?? 0) + 1);
    },
    flush(ctx) {
      batched ??= dailyCountBatches(ctx.db);
      for (const [key, days] of notif) {
        const [sender, category, status, network] = key.split(SEP);
        for (const [day, v] of days) batched.notif.add(day, sender!, category!, status!, network!, v[0]!, v[1]!, v[2]!);
      }
      batched.notif.flush();
      for (const [key, days] of templates) {
        const [sender, template, category] = key.split(SEP);
        let total = 0;
        for (const [day, n] of days) {
          batched.template.add(day, sender!, template!, category!, n);
          total += n;
        }
        dims.set(key, (dims.get(key) ?? 0) + total);
      }
      batched.template.flush();
      notif = new Map();
      templates = new Map();
    },
    finish(ctx) {
      if (dims.size === 0) return;
      dimension ??= dailyCountStatements(ctx.db).dimension;
      writeDimensionCounts(dimension, dims);
    },
  };
}
