import type { Adapter, CanonicalFields, Emitter, InputRecord } from '../types.ts';
import { assumeKst, columnIndex, first, hasAll } from './values.ts';

/** AlimTalk result code: the user blocked AlimTalk from this sender. */
const BLOCKED = '3020';

/** Reads vendor fields from a CSV row (by header) or a JSON object (by name). */
function reader(header: readonly string[]): (r: InputRecord, ...names: string[]) => string | undefined {
  const cache = new Map<string, number>();
  return (r, ...names) => {
    if (r.type === 'row') {
      const key = names.join('|');
      let i = cache.get(key);
      if (i === undefined) {
        i = columnIndex(header, ...names);
        cache.set(key, i);
      }
      const v = i === -1 ? undefined : r.values[i];
      return v === undefined || v.trim() === '' ? undefined : v.trim();
    }
    if (r.type === 'object') return first(r.value, ...names);
    return undefined;
  };
}

function keysOf(sample: { format: string; header: string[]; objects: Record<string, unknown>[] }): string[] {
  if (sample.format === 'csv') return sample.header;
  return Object.keys(sample.objects[0] ?? {}).map((k) => k.toLowerCase());
}

function emitBlock(emit: Emitter, n: CanonicalFields, eventId: string | undefined, source: string): void {
  emit.event('consent', {
    event_id: eventId ? `${eventId}:block` : undefined,
    occurred_at: n.sent_at,
    recipient_id: n.recipient_id,
    sender_id: n.sender_id,
    action: 'block',
    source,
  });
}

/**
 * Kakao AlimTalk send results as NHN Cloud exports them (`requestId`, `recipientSeq`,
 * `plusFriendId`, `templateCode`, `recipientNo`, `requestDate`, `receiveDate`, `messageStatus`,
 * `resultCode`, `resendStatus`). Times without an offset are KST.
 */
export const alimtalkNhnAdapter: Adapter = {
  name: 'alimtalk-nhn',
  kinds: ['notifications', 'consent'],
  detect: (sample) => hasAll(keysOf(sample), 'requestid', 'recipientseq', 'plusfriendid', 'recipientno'),
  create(setup) {
    const get = reader(setup.header);
    return (r, emit) => {
      const requestId = get(r, 'requestId');
      const seq = get(r, 'recipientSeq');
      const resultCode = get(r, 'resultCode');
      const messageStatus = (get(r, 'messageStatus') ?? '').toUpperCase();
      const resend = (get(r, 'resendStatus') ?? '').toUpperCase();
      const status =
        resultCode === BLOCKED
          ? 'blocked'
          : resend === 'RSC04'
            ? 'fallback_sms'
            : messageStatus === 'COMPLETED' || resultCode === '1000'
              ? 'delivered'
              : messageStatus === 'FAILED'
                ? 'failed'
                : 'sent';
      const eventId = requestId && seq ? `${requestId}:${seq}` : requestId;
      const n: CanonicalFields = {
        event_id: eventId,
        sent_at: assumeKst(get(r, 'requestDate', 'createDate')),
        recipient_id: get(r, 'recipientNo'),
        sender_id: get(r, 'plusFriendId', 'senderKey'),
        template_id: get(r, 'templateCode'),
        category: get(r, 'category', 'templateCategory'),
        status,
      };
      emit.event('notifications', n);
      if (resultCode === BLOCKED) emitBlock(emit, n, eventId, 'alimtalk-result-3020');
    };
  },
};

/**
 * Kakao AlimTalk send results as NAVER Cloud SENS exports them (`requestId`, `messageId`,
 * `requestTime`, `completeTime`, `plusFriendId`, `templateCode`, `to`, `messageStatusCode`).
 */
export const alimtalkSensAdapter: Adapter = {
  name: 'alimtalk-sens',
  kinds: ['notifications', 'consent'],
  detect: (sample) => hasAll(keysOf(sample), 'messageid', 'requesttime', 'plusfriendid', 'to'),
  create(setup) {
    const get = reader(setup.header);
    return (r, emit) => {
      const code = get(r, 'messageStatusCode', 'statusCode');
      const statusName = (get(r, 'messageStatusName', 'statusName') ?? '').toLowerCase();
      const failover = (get(r, 'failoverStatusName', 'failover.statusName', 'failover.status') ?? '').toLowerCase();
      const status =
        code === BLOCKED
          ? 'blocked'
          : failover === 'success' || failover === 'completed'
            ? 'fallback_sms'
            : code === '0000' || code === '0' || code === '1000' || statusName === 'success'
              ? 'delivered'
              : statusName === 'processing' || statusName === 'ready' || code === undefined
                ? 'sent'
                : 'failed';
      const eventId = get(r, 'messageId');
      const n: CanonicalFields = {
        event_id: eventId,
        sent_at: assumeKst(get(r, 'requestTime')),
        recipient_id: get(r, 'to'),
        sender_id: get(r, 'plusFriendId'),
        template_id: get(r, 'templateCode'),
        status,
      };
      emit.event('notifications', n);
      if (code === BLOCKED) emitBlock(emit, n, eventId, 'alimtalk-result-3020');
    };
  },
};
