/**
 * Taking one import out of the distinct-recipient sets (remove.ts; reach.ts keeps them), by deltas:
 * each (day, sender, category, recipient) the import's messages put in a set, and each (day,
 * sender, recipient) its opt-outs and blocks put in one, leaves that set unless another import has
 * a row that puts it there too. The candidates are staged in temporary tables; the other imports'
 * messages that match them are found by remove.ts's one pass over the notifications (no index of
 * messages by recipient or time: every import would pay for one), their opt-outs and blocks
 * through consent_by_recipient. Only the sets that lose recipients are rewritten, a page of
 * candidates at a time.
 */
import type { Db } from '../db/connection.ts';
import { decodeIds } from './reach.ts';

const CHARGEABLE = `('sent', 'delivered')`;
const REFUSALS = `('opt_out', 'block')`;

/** Ids (sorted) taken out of one stored set; the set goes when nothing is left. */
function setRemover(db: Db) {
  const get = db.prepare('SELECT ids FROM rollup_reach_daily WHERE kind = ? AND day = ? AND sender_id = ? AND category = ?').pluck();
  const put = db.prepare('UPDATE rollup_reach_daily SET ids = ? WHERE kind = ? AND day = ? AND sender_id = ? AND category = ?');
  const drop = db.prepare('DELETE FROM rollup_reach_daily WHERE kind = ? AND day = ? AND sender_id = ? AND category = ?');
  return (kind: string, day: number, sender: string, category: string, remove: number[]) => {
    if (remove.length === 0) return;
    const blob = get.get(kind, day, sender, category) as Buffer | undefined;
    if (!blob) return;
    const ids = decodeIds(blob);
    const gone = Uint32Array.from(remove).sort();
    const out = new Uint32Array(ids.length);
    let n = 0;
    for (let i = 0, j = 0; i < ids.length; i++) {
      const v = ids[i]!;
      while (j < gone.length && gone[j]! < v) j++;
      if (j < gone.length && gone[j] === v) continue;
      out[n++] = v;
    }
    if (n === 0) drop.run(kind, day, sender, category);
    else if (n < ids.length) put.run(Buffer.from(out.buffer, 0, n * 4), kind, day, sender, category);
  };
}

/**
 * Stages the set entries one import's rows made (temporary tables): temp.rollup_del_reach (its
 * messages' day, sender, category and recipient, with the local day's UTC bounds [lo, hi) and
 * whether one was charged; indexed by recipient for remove.ts's pass) and its opt-outs' and blocks'
 * entries. Call inside the removal's transaction, before the import's rows are deleted; the SQL
 * functions nd_rollup_day and nd_rollup_day_start (remove.ts) must be registered.
 */
export function stageReach(db: Db, importId: number): void {
  const p = { importId };
  // Made afresh each time: the lookup index is built once the candidates are in.
  db.exec(`
    DROP TABLE IF EXISTS temp.rollup_del_reach;
    DROP TABLE IF EXISTS temp.rollup_del_reach_kept;
    DROP TABLE IF EXISTS temp.rollup_del_optout_reach;
    CREATE TEMP TABLE rollup_del_reach
      (day INTEGER NOT NULL, sender_id TEXT NOT NULL, category TEXT NOT NULL, recipient_id TEXT NOT NULL,
       lo INTEGER NOT NULL, hi INTEGER NOT NULL, charged INTEGER NOT NULL,
       PRIMARY KEY (day, sender_id, category, recipient_id)) WITHOUT ROWID;
    CREATE TEMP TABLE rollup_del_reach_kept
      (day INTEGER NOT NULL, sender_id TEXT NOT NULL, category TEXT NOT NULL, recipient_id TEXT NOT NULL, charged INTEGER NOT NULL,
       PRIMARY KEY (day, sender_id, category, recipient_id)) WITHOUT ROWID;
    CREATE TEMP TABLE rollup_del_optout_reach
      (day INTEGER NOT NULL, sender_id TEXT NOT NULL, recipient_id TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
       PRIMARY KEY (day, sender_id, recipient_id)) WITHOUT ROWID;
  `);
  // (LIMIT keeps the subqueries from being flattened, which would call nd_rollup_day once per use.)
  db.prepare(
    `INSERT INTO temp.rollup_del_reach (day, sender_id, category, recipient_id, lo, hi, charged)
     SELECT day, sender_id, category, recipient_id, nd_rollup_day_start(day), nd_rollup_day_start(day + 1), charged FROM (
       SELECT nd_rollup_day(sent_at) AS day, sender_id, coalesce(category, '') AS category, recipient_id, status IN ${CHARGEABLE} AS charged
       FROM notifications INDEXED BY notifications_by_import WHERE import_id = @importId AND status <> 'failed' LIMIT -1 OFFSET 0)
     WHERE true
     ON CONFLICT DO UPDATE SET charged = max(charged, excluded.charged)`,
  ).run(p);
  db.exec('CREATE INDEX temp.rollup_del_reach_by_recipient ON rollup_del_reach (recipient_id, sender_id, category, lo)');
  db.prepare(
    `INSERT OR IGNORE INTO temp.rollup_del_optout_reach (day, sender_id, recipient_id, lo, hi)
     SELECT day, sender_id, recipient_id, nd_rollup_day_start(day), nd_rollup_day_start(day + 1) FROM (
       SELECT nd_rollup_day(occurred_at) AS day, coalesce(sender_id, '') AS sender_id, recipient_id
       FROM consent INDEXED BY consent_by_import WHERE import_id = @importId AND action IN ${REFUSALS} LIMIT -1 OFFSET 0)
     WHERE true`,
  ).run(p);
}

/** The SQL condition under which another import's message `n` keeps staged entry `t` (rollup_del_reach) in its reached set. */
const KEEPS_REACH = `t.recipient_id = n.recipient_id AND t.sender_id = n.sender_id AND t.category = coalesce(n.category, '')
  AND t.lo <= n.sent_at AND t.hi > n.sent_at`;

/**
 * Takes what stageReach staged out of the sets, once remove.ts's pass has put the other imports'
 * messages that keep staged entries in temp.rollup_del_hits. `pageRows`: candidates read before
 * the sets they change are written.
 */
export function removeReach(db: Db, importId: number, pageRows: number): void {
  const limit = Math.max(1, Math.floor(pageRows));
  // The staged entries the other imports' messages keep (charged: in the charged set too).
  db.prepare(
    `INSERT INTO temp.rollup_del_reach_kept (day, sender_id, category, recipient_id, charged)
     SELECT t.day, t.sender_id, t.category, t.recipient_id, n.charged
     FROM temp.rollup_del_hits n
     CROSS JOIN temp.rollup_del_reach t INDEXED BY rollup_del_reach_by_recipient ON ${KEEPS_REACH}
     WHERE true
     ON CONFLICT DO UPDATE SET charged = max(charged, excluded.charged)`,
  ).run();
  const messages = db.prepare('SELECT EXISTS (SELECT 1 FROM temp.rollup_del_reach)').pluck().get() as number;
  const remove = setRemover(db);
  if (messages) {
    const page = db
      .prepare(
        `SELECT t.day, t.sender_id, t.category, t.recipient_id, r.idx, k.recipient_id IS NULL AS unreached, t.charged AND NOT coalesce(k.charged, 0) AS uncharged
         FROM temp.rollup_del_reach t
         LEFT JOIN temp.rollup_del_reach_kept k ON k.day = t.day AND k.sender_id = t.sender_id AND k.category = t.category AND k.recipient_id = t.recipient_id
         JOIN rollup_recipient_ids r ON r.recipient_id = t.recipient_id
         WHERE (t.day, t.sender_id, t.category, t.recipient_id) > (?, ?, ?, ?)
         ORDER BY t.day, t.sender_id, t.category, t.recipient_id LIMIT ${limit}`,
      )
      .raw();
    for (let key: [number, string, string, string] = [-1e9, '', '', '']; ; ) {
      const rows = page.all(...key) as [number, string, string, string, number, number, number][];
      if (rows.length === 0) break;
      for (let i = 0; i < rows.length; ) {
        const [day, sender, category] = rows[i]!;
        const reached: number[] = [];
        const charged: number[] = [];
        for (; i < rows.length && rows[i]![0] === day && rows[i]![1] === sender && rows[i]![2] === category; i++) {
          const r = rows[i]!;
          if (r[5]) reached.push(r[4]);
          if (r[6]) charged.push(r[4]);
        }
        remove('reached', day, sender, category, reached);
        remove('charged', day, sender, category, charged);
      }
      const last = rows[rows.length - 1]!;
      key = [last[0], last[1], last[2], last[3]];
    }
  }
  const optouts = db
    .prepare(
      `SELECT o.day, o.sender_id, o.recipient_id, r.idx FROM temp.rollup_del_optout_reach o
       JOIN rollup_recipient_ids r ON r.recipient_id = o.recipient_id
       WHERE (o.day, o.sender_id, o.recipient_id) > (?, ?, ?)
         AND NOT EXISTS (SELECT 1 FROM consent c INDEXED BY consent_by_recipient
                         WHERE c.recipient_id = o.recipient_id AND c.occurred_at >= o.lo AND c.occurred_at < o.hi
                           AND c.action IN ${REFUSALS} AND coalesce(c.sender_id, '') = o.sender_id AND c.import_id <> ?)
       ORDER BY o.day, o.sender_id, o.recipient_id LIMIT ${limit}`,
    )
    .raw();
  for (let key: [number, string, string] = [-1e9, '', '']; ; ) {
    const rows = optouts.all(...key, importId) as [number, string, string, number][];
    if (rows.length === 0) break;
    for (let i = 0; i < rows.length; ) {
      const [day, sender] = rows[i]!;
      const ids: number[] = [];
      for (; i < rows.length && rows[i]![0] === day && rows[i]![1] === sender; i++) ids.push(rows[i]![3]);
      remove('optout', day, sender, '', ids);
    }
    const last = rows[rows.length - 1]!;
    key = [last[0], last[1], last[2]];
  }
  db.exec(`
    DROP TABLE temp.rollup_del_reach;
    DROP TABLE temp.rollup_del_reach_kept;
    DROP TABLE temp.rollup_del_optout_reach;
  `);
}
