import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { SLACK, counts, fixture, freshWorkspace } from './helpers.ts';

type Row = Record<string, unknown>;

describe('every adapter reads its fixture', () => {
  it('NHN Cloud AlimTalk: delivered, blocked (3020) with a block consent event, SMS fallback, KST times', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('alimtalk-nhn.csv')]);
    expect(r).toMatchObject({ adapter: 'alimtalk-nhn', rowsRead: 4, imported: 4, rejected: 1, error: null });
    const rows = db.prepare('SELECT event_id, status, sent_at, sender_id, template_id FROM notifications ORDER BY event_id').all() as Row[];
    expect(rows.map((x) => x.status)).toEqual(['delivered', 'blocked', 'fallback_sms']);
    expect(rows[0]).toMatchObject({ event_id: '20160307000000abcd:1', sent_at: Date.UTC(2016, 2, 7, 0), sender_id: '@shopa', template_id: 'TPL_ORDER_01' });
    expect(db.prepare('SELECT recipient_id, sender_id, action FROM consent').all()).toEqual([
      { recipient_id: '01000000002', sender_id: '@shopa', action: 'block' },
    ]);
  });

  it('NAVER Cloud SENS AlimTalk: messages of a JSON list, 3020 blocked, failover to SMS', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('alimtalk-sens.json')]);
    expect(r).toMatchObject({ adapter: 'alimtalk-sens', rowsRead: 3, imported: 4 });
    expect(db.prepare('SELECT event_id, status FROM notifications ORDER BY event_id').all()).toEqual([
      { event_id: 'MSG-1', status: 'delivered' },
      { event_id: 'MSG-2', status: 'blocked' },
      { event_id: 'MSG-3', status: 'fallback_sms' },
    ]);
    expect(counts(db).consent).toBe(1);
  });

  it('Twilio console CSV: outbound messages, UTC dates, inbound skipped', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('twilio-console.csv')]);
    expect(r).toMatchObject({ adapter: 'twilio-csv', imported: 2, skipped: 1 });
    expect(db.prepare('SELECT status, sent_at, recipient_id FROM notifications ORDER BY sent_at').all()).toEqual([
      { status: 'delivered', sent_at: Date.UTC(2016, 2, 7, 1), recipient_id: '+821000000021' },
      { status: 'failed', sent_at: Date.UTC(2016, 2, 7, 1, 0, 5), recipient_id: '+821000000022' },
    ]);
  });

  it('Twilio REST JSON: RFC 2822 dates from a list page', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('twilio-messages.json')]);
    expect(r).toMatchObject({ adapter: 'twilio-json', imported: 2 });
    const first = db.prepare('SELECT sent_at, template_id, status FROM notifications ORDER BY sent_at LIMIT 1').get();
    expect(first).toEqual({ sent_at: Date.UTC(2015, 6, 30, 20, 12, 33), template_id: 'MG0000000000000000000000000000000', status: 'sent' });
  });

  it('Braze Currents: a push Send, a global and a group state change; the repeated event is a duplicate', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('braze-currents.ndjson')]);
    expect(r).toMatchObject({ adapter: 'braze-currents', rowsRead: 5, imported: 3, duplicates: 1, skipped: 1 });
    expect(db.prepare('SELECT recipient_id, sender_id, action FROM consent ORDER BY occurred_at').all()).toEqual([
      { recipient_id: 'ext-1', sender_id: null, action: 'opt_out' },
      { recipient_id: 'ext-2', sender_id: 'sg-marketing', action: 'opt_in' },
    ]);
  });

  it('SendGrid webhook: delivered, unsubscribe, group unsubscribe and resubscribe', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('sendgrid-events.json')]);
    expect(r).toMatchObject({ adapter: 'sendgrid', imported: 4, skipped: 1 });
    expect(db.prepare('SELECT event_id, sender_id, action FROM consent ORDER BY occurred_at').all()).toEqual([
      { event_id: 'sg-2', sender_id: '42', action: 'opt_out' },
      { event_id: 'sg-3', sender_id: null, action: 'opt_out' },
      { event_id: 'sg-4', sender_id: '42', action: 'opt_in' },
    ]);
  });

  it('Telegram Desktop result.json: link and text_link entities become shared URLs', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('telegram-result.json')]);
    expect(r).toMatchObject({ adapter: 'telegram', imported: 2, skipped: 2 });
    expect(db.prepare('SELECT url, action, recipient_id, occurred_at FROM urls ORDER BY url').all()).toEqual([
      { url: 'https://shop.example/order', action: 'shared', recipient_id: 'channel1000001', occurred_at: 1456880400000 },
      { url: 'https://shop.example/terms?ref=tg', action: 'shared', recipient_id: 'channel1000001', occurred_at: 1456880400000 },
    ]);
  });

  it('the real Slack export: URLs from <url|label> markup with \\/ escapes and link attachments', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [SLACK]);
    expect(r).toMatchObject({ adapter: 'slack', kind: 'urls', rejected: 0, error: null });
    expect(r!.imported).toBeGreaterThan(20);
    const urls = (db.prepare('SELECT url FROM urls').pluck().all() as string[]);
    expect(urls).toContain('https://github.com/houstondatavis/data-jam-june-2015');
    expect(urls).toContain('https://houstondatavis.slack.com/files/javier/F061AT0CX/fritz.jpg');
    expect(urls.every((u) => /^https?:\/\/[^\s<>|]+$/.test(u))).toBe(true);
    const join = db.prepare("SELECT occurred_at, recipient_id FROM urls WHERE url LIKE '%fritz.jpg'").get() as Row;
    expect(join.occurred_at).toBe(1433562832000);
    const [again] = await importFiles(db, [SLACK]);
    expect(again).toMatchObject({ imported: 0, duplicates: r!.imported });
  });

  it('the generic column mapper: Korean headers, semicolons and a slash date layout', async () => {
    const { db } = await freshWorkspace();
    const mapping = {
      kind: 'notifications' as const,
      columns: { sent_at: '발송일시', recipient_id: '수신번호', sender_id: '발신프로필', template_id: '템플릿', status: '결과' },
      timestampFormat: 'YYYY/MM/DD HH:mm:ss',
      timeZone: 'Asia/Seoul',
    };
    const [r] = await importFiles(db, [fixture('generic-vendor.csv')], { adapter: 'generic', mapping });
    expect(r).toMatchObject({ adapter: 'generic', imported: 2, rejected: 0 });
    expect(db.prepare('SELECT sent_at, status FROM notifications ORDER BY sent_at').all()).toEqual([
      { sent_at: Date.UTC(2016, 2, 7, 0), status: 'delivered' },
      { sent_at: Date.UTC(2016, 2, 7, 0, 5), status: 'failed' },
    ]);
    expect(JSON.parse(db.prepare('SELECT mapping_json FROM imports').pluck().get() as string)).toEqual(mapping);
  });
});
