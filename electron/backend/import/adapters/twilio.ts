import { rfc2822ToIso } from '../time.ts';
import type { Adapter, CanonicalFields } from '../types.ts';
import { columnIndex, first, hasAll } from './values.ts';

const STATUS: Record<string, string> = {
  delivered: 'delivered',
  sent: 'sent',
  queued: 'sent',
  accepted: 'sent',
  sending: 'sent',
  scheduled: 'sent',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
  read: 'delivered',
};

/** Twilio's console dates: `2016-03-07 10:00:00 UTC`, ISO, or RFC 2822. */
function twilioTime(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  return rfc2822ToIso(t) ?? t.replace(/\s*UTC$/i, 'Z').replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
}

function toFields(v: {
  sid?: string; date?: string; to?: string; from?: string; status?: string; service?: string;
}): CanonicalFields {
  const s = (v.status ?? '').trim().toLowerCase();
  return {
    event_id: v.sid,
    sent_at: twilioTime(v.date),
    recipient_id: v.to,
    sender_id: v.from,
    template_id: v.service,
    status: s === '' ? undefined : (STATUS[s] ?? s),
  };
}

/** Twilio console message log CSV (`From,To,Body,Status,SentDate,…,Sid,Direction,…`): outbound messages. */
export const twilioCsvAdapter: Adapter = {
  name: 'twilio-csv',
  kinds: ['notifications'],
  detect: (s) => s.format === 'csv' && hasAll(s.header, 'from', 'to', 'status', 'sentdate', 'sid', 'direction'),
  create(setup) {
    const h = setup.header;
    const i = {
      from: columnIndex(h, 'From'), to: columnIndex(h, 'To'), status: columnIndex(h, 'Status'),
      date: columnIndex(h, 'SentDate'), sid: columnIndex(h, 'Sid'), dir: columnIndex(h, 'Direction'),
      service: columnIndex(h, 'MessagingServiceSid'),
    };
    return (r, emit) => {
      if (r.type !== 'row') return emit.reject(null, 'expected a CSV row');
      const v = (k: number) => (k === -1 ? undefined : r.values[k]);
      if (!(v(i.dir) ?? '').toLowerCase().startsWith('outbound')) return emit.skip();
      emit.event('notifications', toFields({ sid: v(i.sid), date: v(i.date), to: v(i.to), from: v(i.from), status: v(i.status), service: v(i.service) }));
    };
  },
};

/** Twilio REST Message resources (a list page's `messages`, an array, or NDJSON); RFC 2822 dates. */
export const twilioJsonAdapter: Adapter = {
  name: 'twilio-json',
  kinds: ['notifications'],
  detect(s) {
    const o = s.objects[0];
    return s.format === 'json' && !!o && typeof o.sid === 'string' && 'date_sent' in o && 'direction' in o;
  },
  create() {
    return (r, emit) => {
      if (r.type !== 'object') return emit.reject(null, 'expected a JSON object');
      const o = r.value;
      if (!(first(o, 'direction') ?? '').toLowerCase().startsWith('outbound')) return emit.skip();
      emit.event('notifications', toFields({
        sid: first(o, 'sid'), date: first(o, 'date_sent', 'date_created'), to: first(o, 'to'), from: first(o, 'from'),
        status: first(o, 'status'), service: first(o, 'messaging_service_sid'),
      }));
    };
  },
};
