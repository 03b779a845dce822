import type { Adapter, Emitter } from '../types.ts';
import { first, str } from './values.ts';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);
}

/** Epoch seconds with a fraction (`1433562823.000005`) as 13-digit epoch milliseconds. */
function epochMillis(ts: string | undefined): string | undefined {
  if (ts === undefined || !/^\d+(\.\d+)?$/.test(ts.trim())) return ts;
  return String(Math.round(Number(ts) * 1000));
}

function emitUrls(emit: Emitter, urls: Set<string>, base: { idPrefix: string; at: string | undefined; who: string | undefined }): void {
  if (urls.size === 0) return emit.skip();
  for (const url of urls) {
    emit.event('urls', { event_id: `${base.idPrefix}:${url}`, occurred_at: base.at, url, action: 'shared', recipient_id: base.who });
  }
}

/** URLs in Slack message markup: `<https://…>` or `<https://…|label>` (entities decoded). */
export function slackTextUrls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/gi)) out.push(decodeEntities(m[1]!));
  return out;
}

/**
 * Slack workspace export (a folder or zip: `<channel>/<YYYY-MM-DD>.json`, one JSON array per day):
 * every URL a message shares (in its text markup or its link attachments) → a URL `shared` event
 * by the message's user, at its `ts`. Messages without a URL are skipped.
 */
export const slackAdapter: Adapter = {
  name: 'slack',
  kinds: ['urls'],
  detect(s) {
    if (s.header[0] === '(slack-export)') return true;
    const o = s.objects[0];
    return s.format === 'json' && !!o && o.type === 'message' && typeof o.ts === 'string';
  },
  create() {
    return (r, emit) => {
      if (r.type !== 'object') return emit.reject(null, 'expected a JSON object');
      const o = r.value;
      const urls = new Set<string>();
      for (const u of slackTextUrls(str(o.text) ?? '')) urls.add(u);
      if (Array.isArray(o.attachments)) {
        for (const a of o.attachments as Record<string, unknown>[]) {
          const link = first(a, 'from_url', 'original_url', 'title_link');
          if (link && /^https?:\/\//i.test(link)) urls.add(decodeEntities(link));
        }
      }
      const channel = r.entry ? r.entry.split('/').slice(-2, -1)[0] : 'channel';
      const ts = first(o, 'ts');
      emitUrls(emit, urls, { idPrefix: `slack:${channel}:${ts}`, at: epochMillis(ts), who: first(o, 'user', 'bot_id') });
    };
  },
};

/**
 * Telegram Desktop `result.json` (one chat or the whole export): URLs in each message's text
 * entities (`link` → its text; `text_link` → its `href`) → URL `shared` events by `from_id`, at
 * `date_unixtime` (or `date`, local time, zone assumed). Service messages and messages without
 * links are skipped.
 */
export const telegramAdapter: Adapter = {
  name: 'telegram',
  kinds: ['urls'],
  detect(s) {
    const o = s.objects[0];
    return s.format === 'json' && !!o && 'id' in o && 'date' in o && ('text_entities' in o || 'from_id' in o || 'actor_id' in o);
  },
  create() {
    return (r, emit) => {
      if (r.type !== 'object') return emit.reject(null, 'expected a JSON object');
      const o = r.value;
      if (o.type !== undefined && o.type !== 'message') return emit.skip();
      const urls = new Set<string>();
      const parts = Array.isArray(o.text_entities) ? o.text_entities : Array.isArray(o.text) ? o.text : [];
      for (const part of parts as unknown[]) {
        if (!part || typeof part !== 'object') continue;
        const p = part as Record<string, unknown>;
        const url = p.type === 'text_link' ? str(p.href) : p.type === 'link' ? str(p.text) : undefined;
        if (url) urls.add(/^https?:\/\//i.test(url) ? url : `http://${url}`);
      }
      emitUrls(emit, urls, {
        idPrefix: `telegram:${first(o, 'from_id') ?? ''}:${first(o, 'id')}:${first(o, 'date_unixtime', 'date')}`,
        at: first(o, 'date_unixtime', 'date'),
        who: first(o, 'from_id'),
      });
    };
  },
};
