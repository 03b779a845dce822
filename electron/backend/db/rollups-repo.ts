import type { ConsentEvent, NotificationEvent, UrlEvent } from '../../../shared/domain/canonical.ts';
import { localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from './connection.ts';
import { rollupBatchWriters } from './batch-upsert.ts';
import { reachWriters } from './reach-repo.ts';
import { urlRollupTracker } from './rollups-urls.ts';
import { UsageDeltas } from './usage-repo.ts';
import { addImportToViolations } from './violations-repo.ts';
import { earlier, mergeFirstCandidates, type FirstCandidate } from './rollups-firsts.ts';

import { prepareWriters, writeDimensionCounts, type Writers } from './rollup-writers.ts';
import { workspaceTimeZone } from './workspace-settings.ts';

/**
 * The rollup tables the dashboards read (migration 0002), maintained by the importer inside the same
 * transaction as the rows it inserts. The importer feeds every row it actually stored (not
 * duplicates) to an accumulator, in insertion order, and calls `flush` before committing (it may
 * flush several times in one transaction to bound memory).
 *
 * `add*` only touch memory (no SQL per row); `flush` writes batched upserts. Deleting an import:
 * call `removeImportFromRollups(db, importId)` in the deleting transaction BEFORE the import's rows
 * are deleted (it reads them to subtract them). Called after, it falls back to a full rebuild.
 */
export interface RollupAccumulator {
  addNotification(event: NotificationEvent): void;
  addConsent(event: ConsentEvent): void;
  addUrl(event: UrlEvent): void;
  /** Writes what has been accumulated so far into the rollup tables. */
  flush(): void;
  /** After the last flush of one import: the set-wise steps (stored violations) over its rows. */
  complete?(importId: number): void;
}

/**
 * Recipient ids an accumulator keeps in memory between flushes (emptied when past it): enough for
 * most workspaces' recipients, small enough that a file with millions of them stays flat in memory.
 */
const ID_CACHE_MAX = 250_000;

/** Separates the parts of in-memory rollup keys. */
export const SEP = '\u001f';


/** A new accumulator for one import into `db` (the workspace's time zone is read from it). */
export function createRollupAccumulator(db: Db): RollupAccumulator {
  const acc = makeAccumulator(db, 'all');
  return Object.assign(acc, {
    complete: (importId: number) => {
      acc.finish();
      addImportToViolations(db, importId);
    },
  });
}

/**
 * The accumulator. Modes: `all`; `firsts` keeps only first messages and first notices; `reach`
 * only the distinct-recipient sets (both for recomputing after a removal). With `deferFirsts` (a
 * rebuild from scratch) first-message candidates stay in memory across flushes and are written once
 * by `finish`, sparing a lookup per pair per flush. `excludeImport`: consent rows of that import
 * (being deleted) are not looked at for first opt-outs.
 */
export function makeAccumulator(
  db: Db,
  mode: 'all' | 'firsts' | 'reach',
  deferFirsts = false,
  excludeImport = -1,
): RollupAccumulator & { finish(): void } {
  let finishing = false;
  const counts = mode === 'all';
  const firsts = mode !== 'reach';
  const reachOn = mode !== 'firsts';
  // A rebuild refills the usage rollup afterwards (rebuildUsage), from the final first messages.
  const usage = mode !== 'reach' && !deferFirsts ? new UsageDeltas() : null;
  const zone = workspaceTimeZone(db);
  let reach = new Map<string, Set<string>>();
  const idCache = new Map<string, number>();
  const addReach = (kind: string, day: number, sender: string, category: string, recipient: string) => {
    const key = kind + SEP + day + SEP + sender + SEP + category;
    let set = reach.get(key);
    if (!set) reach.set(key, (set = new Set()));
    set.add(recipient);
  };
  let w: Writers | null = null;
  let bw: ReturnType<typeof rollupBatchWriters> | null = null;
  // Daily counts keyed by their other dimensions, then by day: a row builds one short key, and a
  // flush splits each key once, whatever the number of days under it.
  // sender, category, status, network → day → [messages, known-size messages, known bytes]
  let notif = new Map<string, Map<number, number[]>>();
  // sender, template, category → day → messages; the same keys as the all-time dimension totals
  let templates = new Map<string, Map<number, number>>();
  const dims = new Map<string, number>();
  let pairFirst = new Map<string, FirstCandidate>();
  let recipFirst = new Map<string, FirstCandidate>();
  let notices = new Map<string, number>();
  // Opt-outs and blocks seen: [recipient, sender ('' = platform-wide), at]. A rebuild leaves them to
  // the first-message merge, which looks them up for every pair at once.
  let optOuts: [string, string, number][] = [];
  let consent = new Map<string, number>();
  let urls = new Map<string, number>();
  const urlSets = urlRollupTracker(db);

  const offer = (map: Map<string, FirstCandidate>, key: string, c: FirstCandidate) => {
    const cur = map.get(key);
    if (!cur || earlier(c.sentAt, c.eventId, cur.sentAt, cur.eventId)) map.set(key, c);
  };

  const countNotification = (e: NotificationEvent, day: number, category: string) => {
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
  };

  return {
    addNotification(e) {
      const day = localDay(e.sentAt, zone);
      const category = e.category ?? '';
      if (counts) countNotification(e, day, category);
      if (reachOn && e.status !== 'failed') {
        addReach('reached', day, e.senderId, category, e.recipientId);
        if (e.status === 'sent' || e.status === 'delivered') addReach('charged', day, e.senderId, category, e.recipientId);
      }
      if (counts && usage && (e.status === 'sent' || e.status === 'delivered')) {
        usage.message(day, e.senderId, category, e.recipientId, e.bytes, 1);
      }
      if (firsts && (e.status === 'sent' || e.status === 'delivered')) {
        const c: FirstCandidate = {
          recipientId: e.recipientId,
          senderId: e.senderId,
          sentAt: e.sentAt,
          eventId: e.eventId,
          day,
          category,
          network: e.network,
          bytes: e.bytes,
        };
        offer(pairFirst, e.recipientId + SEP + e.senderId, c);
        offer(recipFirst, e.recipientId, c);
      }
    },
    addConsent(e) {
      if (reachOn && (e.action === 'opt_out' || e.action === 'block')) {
        addReach('optout', localDay(e.occurredAt, zone), e.senderId ?? '', '', e.recipientId);
      }
      if (counts) {
        const key = localDay(e.occurredAt, zone) + SEP + (e.senderId ?? '') + SEP + e.action;
        consent.set(key, (consent.get(key) ?? 0) + 1);
      }
      if (firsts && !deferFirsts && (e.action === 'opt_out' || e.action === 'block')) {
        optOuts.push([e.recipientId, e.senderId ?? '', e.occurredAt]);
      }
      if (firsts && e.action === 'notice_shown') {
        const nkey = e.recipientId + SEP + (e.senderId ?? '');
        const cur = notices.get(nkey);
        if (cur === undefined || e.occurredAt < cur) notices.set(nkey, e.occurredAt);
      }
    },
    addUrl(e) {
      if (!counts) return;
      const key = localDay(e.occurredAt, zone) + SEP + e.action;
      urls.set(key, (urls.get(key) ?? 0) + 1);
      urlSets.add(e.occurredAt, e.url);
    },
    finish() {
      finishing = true;
      try {
        this.flush();
        if (dims.size > 0) writeDimensionCounts(w!, dims);
      } finally {
        finishing = false;
      }
    },
    flush() {
      w ??= prepareWriters(db);
      const writers = w;
      bw ??= rollupBatchWriters(db);
      const batched = bw;
      for (const [key, days] of notif) {
        const [sender, category, status, network] = key.split(SEP);
        for (const [day, v] of days) batched.notif.add(day, sender!, category!, status!, network!, v[0]!, v[1]!, v[2]!);
      }
      batched.notif.flush();
      // All-time dimension totals are few: kept across flushes, written once by `finish`.
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
      const coverageKeys = new Set<string>();
      // Notices first, so new first messages see them.
      for (const [key, at] of notices) {
        const [recipient, sender] = key.split(SEP) as [string, string];
        const old = writers.getNotice.get(recipient, sender) as number | undefined;
        if (old !== undefined && old <= at) continue;
        writers.putNotice.run(recipient, sender, at);
        const changed = (
          sender === '' ? writers.lowerNoticeForAll.all(at, recipient, at) : writers.lowerNoticeForSender.all(at, recipient, sender, at)
        ) as { scope: string; day: number; sender_id: string; category: string }[];
        for (const c of changed) if (c.scope === 'pair') coverageKeys.add(c.day + SEP + c.sender_id + SEP + c.category);
      }
      const firstDaily = new Map<string, number[]>();
      const writeFirsts = !deferFirsts || finishing;
      // The import path adds each new pair first (and takes off the one it displaces) as a delta;
      // a removal or a rebuild recounts every (day, sender, category) whose firsts moved.
      const coverageDeltas = mode === 'all' && !deferFirsts ? new Map<string, number[]>() : null;
      if (writeFirsts) mergeFirstCandidates(db, 'pair', pairFirst, firstDaily, usage, excludeImport, coverageDeltas);
      if (coverageDeltas) {
        for (const [key, v] of coverageDeltas) {
          if (v.every((x) => x === 0)) continue;
          const [day, sender, category] = key.split(SEP);
          batched.coverage.add(Number(day), sender!, category!, ...v);
        }
        batched.coverage.flush();
        for (const [key, v] of coverageDeltas) {
          if (v[0]! >= 0) continue;
          const [day, sender, category] = key.split(SEP);
          writers.dropCoverage.run(Number(day), sender, category);
        }
      } else {
        for (const key of firstDaily.keys()) {
          const [scope, day, sender, category] = key.split(SEP);
          if (scope === 'pair') coverageKeys.add(day + SEP + sender + SEP + category);
        }
      }
      if (writeFirsts) mergeFirstCandidates(db, 'recipient', recipFirst, firstDaily, usage, excludeImport);
      for (const [key, v] of firstDaily) {
        if (v[0] === 0 && v[1] === 0) continue;
        const [scope, day, sender, category, network] = key.split(SEP);
        batched.firstDaily.add(scope!, Number(day), sender!, category!, network!, v[0]!, v[1]!);
      }
      batched.firstDaily.flush();
      // A day whose last first moved to an earlier day goes, as a rebuild would leave it.
      for (const [key, v] of firstDaily) {
        if (v[0]! >= 0) continue;
        const [scope, day, sender, category, network] = key.split(SEP);
        writers.dropFirstDaily.run(scope, Number(day), sender, category, network);
      }
      // Opt-outs after the first messages are merged: they may be the first one after a new first.
      for (const [recipient, sender, at] of optOuts) {
        const p = { at, recipient, sender };
        const changed = (sender === '' ? writers.lowerOptOutForAll.all(p) : writers.lowerOptOutForSender.all(p)) as {
          day: number;
          sender_id: string;
          category: string;
        }[];
        for (const c of changed) coverageKeys.add(c.day + SEP + c.sender_id + SEP + c.category);
      }
      optOuts = [];
      for (const key of coverageKeys) {
        const [day, sender, category] = key.split(SEP);
        writers.coverage.run({ day: Number(day), sender, category });
        writers.dropCoverage.run(Number(day), sender, category);
      }
      coverageKeys.clear();
      for (const [key, n] of consent) {
        const [day, sender, action] = key.split(SEP);
        writers.consent.run(Number(day), sender, action, n);
      }
      for (const [key, n] of urls) {
        const [day, action] = key.split(SEP);
        writers.url.run(Number(day), action, n);
      }
      if (reach.size > 0) {
        const rw = reachWriters(db);
        if (idCache.size > ID_CACHE_MAX) idCache.clear();
        for (const [key, recipients] of reach) {
          const [kind, day, sender, category] = key.split(SEP) as [string, string, string, string];
          const ids = new Uint32Array(recipients.size);
          let i = 0;
          for (const r of recipients) {
            let id = idCache.get(r);
            if (id === undefined) idCache.set(r, (id = rw.idOf(r)));
            ids[i++] = id;
          }
          rw.merge(kind, Number(day), sender, category, ids);
        }
        reach = new Map();
      }
      if (usage) {
        if (idCache.size > ID_CACHE_MAX) idCache.clear();
        usage.flush(db, idCache);
      }
      notif = new Map();
      templates = new Map();
      if (writeFirsts) {
        pairFirst = new Map();
        recipFirst = new Map();
      }
      notices = new Map();
      consent = new Map();
      urls = new Map();
      urlSets.flush();
    },
  };
}

export { rebuildRollups } from './rollups-rebuild.ts';
export { removeImportFromRollups } from './rollups-remove.ts';
