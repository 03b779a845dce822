import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { localizeRejectReason } from '../../../shared/import/reject-reasons.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fixture, freshWorkspace } from './helpers.ts';

const HANGUL = /[\uac00-\ud7a3]/;

describe('reject reasons in Korean', () => {
  it('word every reason the importer writes in Korean, keeping the quoted values', async () => {
    const dir = tempDir('rejects-');
    const ndjson = path.join(dir, 'events.ndjson');
    fs.writeFileSync(
      ndjson,
      [
        '{"sent_at":"2016-03-07T10:00:00+09:00","recipient_id":"r1","sender_id":"s1","status":"delivered"}',
        '{not json',
        '[1, 2]',
        '{"hello":"world"}',
        '{"occurred_at":"2016-03-07T10:00:00+09:00","recipient_id":"r1","action":"maybe"}',
        '{"occurred_at":"2016-03-07T10:00:00+09:00","url":"ftp://x.example/a","action":"shared"}',
        '{"sent_at":"2016-03-07T10:00:00+09:00","sender_id":"s1","status":"delivered"}',
      ].join('\n') + '\n',
    );
    const { db } = await freshWorkspace();
    const results = await importFiles(db, [fixture('canonical-notifications.csv'), ndjson]);
    const reasons = results.flatMap((r) => r.rejects.map((x) => x.reason));
    expect(reasons.length).toBeGreaterThanOrEqual(9);
    for (const reason of reasons) {
      const ko = localizeRejectReason(reason, 'ko');
      expect(ko, reason).not.toBe(reason);
      expect(ko, reason).toMatch(HANGUL);
      for (const quoted of reason.match(/"[^"]*"/g) ?? []) expect(ko).toContain(quoted);
      expect(localizeRejectReason(reason, 'en')).toBe(reason);
    }
    expect(localizeRejectReason('bytes "-5" is not a non-negative integer', 'ko')).toBe('bytes "-5"은(는) 0 이상의 정수가 아닙니다');
    expect(localizeRejectReason('general/2016-03-01.json: not valid JSON (Unexpected token)', 'ko')).toBe(
      'general/2016-03-01.json: 올바른 JSON이 아닙니다 (Unexpected token)',
    );
    expect(localizeRejectReason('something new', 'ko')).toBe('something new');
  });
});
