/**
 * Generates the synthetic sample exports of the demo workspace into resources/demo/ (deterministic:
 * the same seed always writes the same bytes). Six months (2016-01-01 … 2016-06-30) of Kakao
 * AlimTalk-style send results in NHN Cloud's export format for six fictional senders, consent events
 * and URL events in the canonical format. Patterns a policy team should be able to see:
 *  - a notice change on 2016-04-01, after which the notice is shown before the first message far
 *    more often (coverage rises) and opt-outs come sooner after the first message;
 *  - a few refusals not honoured: messages after an opt-out, and AlimTalk blocks (result 3020)
 *    followed by fallback SMS (resendStatus RSC04);
 *  - URLs shared in chats and indexed by a search engine before any URL-use notice.
 * The real Slack sample (shared/samples/slack-export, MIT) is copied beside them with its LICENSE.
 *
 * Run: node scripts/make-demo-data.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { prng } from '../shared/random.ts';

const OUT = path.resolve(import.meta.dirname, '../resources/demo');
const SLACK_SAMPLE = process.env.SLACK_SAMPLE ?? '/work/shared/samples/slack-export';
const SEED = 20_161_208; // the day the KCC decision was announced

const rnd = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number) => rnd() < p;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KST = 9 * HOUR;
const START = Date.parse('2016-01-01T00:00:00+09:00');
const END = Date.parse('2016-07-01T00:00:00+09:00');
const NOTICE_CHANGE = Date.parse('2016-04-01T00:00:00+09:00');

interface Sender {
  id: string;
  name: string;
  category: string;
  templates: string[];
  /** Mean messages per subscribed recipient per 30 days. */
  rate: number;
  share: number;
}
const senders: Sender[] = [
  { id: '@한빛마트', name: '한빛마트', category: '구매', templates: ['HB_ORDER_OK', 'HB_POINT'], rate: 3, share: 0.45 },
  { id: '@바로배송', name: '바로배송', category: '배송', templates: ['BR_SHIPPED', 'BR_ARRIVED', 'BR_DELAY'], rate: 5, share: 0.4 },
  { id: '@새봄약국', name: '새봄약국', category: '예약', templates: ['SB_RX_READY'], rate: 1.2, share: 0.12 },
  { id: '@하늘항공', name: '하늘항공', category: '예약', templates: ['HN_BOOKED', 'HN_CHECKIN'], rate: 0.8, share: 0.15 },
  { id: '@누리카드', name: '누리카드', category: '결제', templates: ['NR_APPROVED', 'NR_BILL'], rate: 6, share: 0.3 },
  { id: '@온누리서점', name: '온누리서점', category: '주문', templates: ['ON_ORDER', 'ON_SHIPPED'], rate: 1.5, share: 0.18 },
];
const RECIPIENTS = 2600;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** `YYYY-MM-DD HH:mm:ss` in KST (NHN Cloud's export style, no offset). */
function kst(ms: number): string {
  const d = new Date(ms + KST);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** A daytime send instant (08:00–21:59 KST) on the day of `ms`. */
function daytime(ms: number): number {
  const day = Math.floor((ms + KST) / DAY) * DAY - KST;
  return day + 8 * HOUR + Math.floor(rnd() * 14 * HOUR);
}
const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

const sends: (string | number)[][] = [];
const consent: (string | number)[][] = [];
let requestSeq = 0;
let consentSeq = 0;
let violationsAfterOptOut = 0;
let blockedPairs = 0;

function send(at: number, recipient: string, s: Sender, result: { status: string; code: string; resend: string }): void {
  requestSeq++;
  const requestId = `2016${pad(requestSeq, 8)}${pad(Math.floor(rnd() * 1e4), 4)}`;
  const receive = result.status === 'COMPLETED' ? kst(at + Math.floor(rnd() * 20_000)) : '';
  sends.push([requestId, 1, s.id, pick(s.templates), recipient, kst(at), receive, result.status, result.code, result.resend, s.category]);
}
const OK = { status: 'COMPLETED', code: '1000', resend: '' };
const FAIL = { status: 'FAILED', code: '3018', resend: '' };
const BLOCK = { status: 'FAILED', code: '3020', resend: 'RSC01' };
const FALLBACK = { status: 'FAILED', code: '3018', resend: 'RSC04' };

function consentEvent(at: number, recipient: string, sender: string, action: string, source: string, version = ''): void {
  consent.push([`c-${pad(++consentSeq, 6)}`, iso(at), recipient, sender, action, version, source]);
}

for (let r = 0; r < RECIPIENTS; r++) {
  const recipient = `010${pad(Math.floor(rnd() * 1e4), 4)}${pad(r, 4)}`;
  const joined = START + Math.floor(rnd() * (END - START) * 0.85);
  if (chance(0.08)) consentEvent(joined - DAY, recipient, '', 'notice_shown', 'install', 'v2015-10');
  for (const s of senders) {
    if (!chance(s.share)) continue;
    const version = (at: number) => (at >= NOTICE_CHANGE ? 'v2016-04' : 'v2015-10');
    let at = daytime(joined + Math.floor(rnd() * 20 * DAY));
    if (at >= END) continue;
    const afterChange = at >= NOTICE_CHANGE;
    // The first message: a notice before it is rare under the old flow, usual under the new one.
    if (chance(afterChange ? 0.88 : 0.18)) consentEvent(at - Math.floor(rnd() * (afterChange ? 10 * 60_000 : 3 * DAY)), recipient, s.id, 'notice_shown', 'message', version(at));
    const optOutAt = chance(afterChange ? 0.09 : 0.05)
      ? at + (afterChange ? Math.floor(rnd() * 2 * DAY) : Math.floor((3 + rnd() * 40) * DAY))
      : Infinity;
    const willBlock = !Number.isFinite(optOutAt) && chance(0.012);
    const blockAt = willBlock ? at + Math.floor((5 + rnd() * 30) * DAY) : Infinity;
    let optedOut = false;
    let optInAt = Infinity;
    let blocked = false;
    let sendsAfterBlock = 0;
    let strayAllowed = chance(0.25);
    while (at < END) {
      if (!optedOut && at > optOutAt && optInAt === Infinity) {
        optedOut = true;
        consentEvent(optOutAt, recipient, s.id, 'opt_out', pick(['settings', 'message', 'settings']), version(optOutAt));
        if (chance(0.1)) {
          const back = optOutAt + Math.floor((10 + rnd() * 30) * DAY);
          if (back < END) {
            optInAt = back;
            consentEvent(back, recipient, s.id, 'opt_in', 'settings', version(back));
          }
        }
      }
      if (optedOut && at > optInAt) optedOut = false;
      if (optedOut) {
        // A few senders keep sending after an opt-out: refusals not honoured.
        if (strayAllowed && violationsAfterOptOut < 12) {
          violationsAfterOptOut++;
          strayAllowed = false;
          send(at, recipient, s, OK);
        }
      } else if (!blocked && at > blockAt && blockedPairs < 4) {
        blocked = true;
        blockedPairs++;
        send(at, recipient, s, BLOCK); // the importer records the block (result 3020)
      } else if (blocked) {
        // The sender's system falls back to SMS around the block, twice, then gives up.
        if (sendsAfterBlock++ < 2) send(at, recipient, s, FALLBACK);
      } else {
        send(at, recipient, s, chance(0.985) ? OK : FAIL);
      }
      at = daytime(at + Math.max(DAY, Math.floor(-Math.log(1 - rnd()) * ((30 * DAY) / s.rate))));
    }
  }
}
sends.sort((a, b) => (String(a[5]) < String(b[5]) ? -1 : String(a[5]) > String(b[5]) ? 1 : 0));
consent.sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1));

// URL events: links shared in chats, crawled and indexed by a portal's search engine with a lag,
// then served in its results. No URL-use notice exists in this period.
const urls: (string | number)[][] = [];
const hosts = ['blog.hanbit.example', 'cafe.example.kr', 'news.example.co.kr', 'shop.onnuri.example', 'photo.example.net', 'docs.example.org'];
for (let u = 0; u < 700; u++) {
  const url = `https://${pick(hosts)}/${pick(['post', 'item', 'view', 'p'])}/${1000 + u}`;
  const shared = START + Math.floor(rnd() * (END - START - 5 * DAY));
  const who = `010${pad(Math.floor(rnd() * 1e4), 4)}${pad(Math.floor(rnd() * RECIPIENTS), 4)}`;
  urls.push([`u-${u}-s`, iso(shared), url, 'shared', who, '']);
  if (chance(0.2)) urls.push([`u-${u}-s2`, iso(shared + Math.floor(rnd() * 5 * DAY)), url, 'shared', '', '']);
  if (!chance(0.62)) continue;
  const lagHours = Math.exp(Math.log(30) + (rnd() + rnd() + rnd() - 1.5) * 1.6);
  const crawled = shared + Math.floor(lagHours * 0.6 * HOUR);
  const indexed = shared + Math.floor(lagHours * HOUR);
  if (indexed >= END) continue;
  urls.push([`u-${u}-c`, iso(crawled), url, 'crawled', '', 'daum-search'], [`u-${u}-i`, iso(indexed), url, 'indexed', '', 'daum-search']);
  for (let k = 0; k < Math.floor(rnd() * 4); k++) {
    const served = indexed + Math.floor(rnd() * 20 * DAY);
    if (served < END) urls.push([`u-${u}-v${k}`, iso(served), url, 'served', '', 'daum-search']);
  }
  if (chance(0.05)) urls.push([`u-${u}-r`, iso(indexed + 30 * DAY), url, 'removed', '', 'daum-search']);
}
urls.sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1));

function write(name: string, header: string[], rows: (string | number)[][]): void {
  const text = [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
  // mtime 0 in the gzip header keeps the bytes identical from run to run.
  fs.writeFileSync(path.join(OUT, name), gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
}

fs.mkdirSync(OUT, { recursive: true });
write(
  'alimtalk-nhn-2016h1.csv.gz',
  ['requestId', 'recipientSeq', 'plusFriendId', 'templateCode', 'recipientNo', 'requestDate', 'receiveDate', 'messageStatus', 'resultCode', 'resendStatus', 'templateCategory'],
  sends,
);
write('consent-2016h1.csv.gz', ['event_id', 'occurred_at', 'recipient_id', 'sender_id', 'action', 'disclosure_version', 'source'], consent);
write('urls-2016h1.csv.gz', ['event_id', 'occurred_at', 'url', 'action', 'recipient_id', 'engine'], urls);
fs.cpSync(SLACK_SAMPLE, path.join(OUT, 'slack-export'), { recursive: true });
console.log(
  `demo data: ${sends.length} send results, ${consent.length} consent events, ${urls.length} URL events; ` +
    `${violationsAfterOptOut} sends after an opt-out, ${blockedPairs} blocked pairs → ${OUT}`,
);
