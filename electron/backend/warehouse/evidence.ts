/**
 * An evidence pack's figures for a ClickHouse workspace (docs/evidence.md, docs/warehouse.md): the
 * same metric queries the pages run on the warehouse, over the pack's period, and which of the
 * workspace's imports have events in it. Run where the connection is (the handler, the CLI); the pack
 * is then written from these (evidence/collect.ts) exactly as from a local workspace's tables.
 */
import type { Db } from '../db/connection.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { listImports } from '../db/imports-repo.ts';
import type { EvidenceEvents } from '../evidence/events.ts';
import { resolvePeriod } from '../evidence/period.ts';
import { sectionQueries } from '../evidence/sections.ts';
import { urlNoticeAt } from '../metrics/disclosure-link.ts';
import type { Warehouse } from './client.ts';
import { warehouseImportId } from './import.ts';
import { warehouseCoverage, warehouseOptOut } from './metrics/consent.ts';
import { warehouseDataCost } from './metrics/datacost.ts';
import { warehouseRefusals } from './metrics/refusals.ts';
import { warehouseDayRange } from './metrics/scope.ts';
import { warehouseUrls } from './metrics/urls.ts';
import { warehouseVolume } from './metrics/volume.ts';
import { sqlInt } from './sql.ts';

/** The warehouse import ids (UUIDs) with an event on a local day of [fromDay, toDay]. */
async function importsWithEvents(wh: Warehouse, fromDay: number, toDay: number): Promise<Set<string>> {
  const sql = ['nd_notifications', 'nd_consent', 'nd_urls']
    .map((t) => `SELECT DISTINCT import_id FROM ${wh.table(t)} WHERE day >= ${sqlInt(fromDay)} AND day <= ${sqlInt(toDay)}`)
    .join(' UNION ALL ');
  return new Set((await wh.query<{ import_id: string }>(sql)).map((r) => r.import_id));
}

/**
 * What the evidence pack for `input`'s period reads from the warehouse. The period is resolved as the
 * pack will resolve it (its missing dates from the warehouse's first and last day).
 */
export async function warehouseEvidenceEvents(
  wh: Warehouse,
  db: Db,
  input: { from?: string; to?: string },
  now: () => number = Date.now,
): Promise<EvidenceEvents> {
  const range = await warehouseDayRange(wh);
  const period = resolvePeriod(db, workspaceTimeZone(db), input, now, range);
  const q = sectionQueries(period);
  // One after another: each already spreads over the shards, and the server's other users come first.
  const coverage = await warehouseCoverage(wh, db, q.coverage);
  const optout = await warehouseOptOut(wh, db, q.optout);
  const volume = await warehouseVolume(wh, db, q.volume);
  const cost = await warehouseDataCost(wh, db, q.cost, { perRecipient: false });
  const refusals = await warehouseRefusals(wh, db, q.refusals);
  const urls = await warehouseUrls(wh, db, q.urls, urlNoticeAt(db));
  const present = await importsWithEvents(wh, period.fromDay, period.toDay);
  const importIds = listImports(db)
    .filter((i) => {
      const id = warehouseImportId(db, i.id);
      return id !== null && present.has(id);
    })
    .map((i) => i.id)
    .sort((a, b) => a - b);
  return {
    range,
    from: period.from,
    to: period.to,
    inputs: { coverage, optout, volume, cost, refusals, urls },
    hasEvents: present.size > 0,
    importIds,
  };
}
