import type { Adapter } from '../types.ts';
import { first } from './values.ts';

function subscriptionAction(status: string | undefined): string | undefined {
  const s = (status ?? '').toLowerCase().replace(/[\s_-]/g, '');
  if (s === 'unsubscribed') return 'opt_out';
  if (s === 'subscribed' || s === 'optedin') return 'opt_in';
  return status;
}

/**
 * Braze Currents events (HTTP-connector JSON: `event_type`, `id`, `time`, `user`, `properties`, or
 * flattened fields): message `Send` events → notifications; global subscription state changes and
 * subscription-group state changes → consent. At-least-once delivery: dedupe on `id`.
 */
export const brazeAdapter: Adapter = {
  name: 'braze-currents',
  kinds: ['notifications', 'consent'],
  detect(s) {
    const o = s.objects[0];
    return s.format === 'json' && !!o && typeof o.event_type === 'string' && o.event_type.startsWith('users.') && 'id' in o;
  },
  create() {
    return (r, emit) => {
      if (r.type !== 'object') return emit.reject(null, 'expected a JSON object');
      const o = r.value;
      const type = first(o, 'event_type') ?? '';
      const user = first(o, 'user.external_user_id', 'external_user_id', 'user.user_id', 'user_id');
      const id = first(o, 'id');
      const time = first(o, 'time');
      if (/^users\.messages\.[a-z_]+\.send$/i.test(type)) {
        emit.event('notifications', {
          event_id: id,
          sent_at: time,
          recipient_id: user,
          sender_id: first(o, 'properties.app_id', 'app_id', 'properties.campaign_id', 'campaign_id'),
          template_id: first(o, 'properties.campaign_id', 'campaign_id', 'properties.canvas_id', 'canvas_id'),
          category: first(o, 'properties.campaign_name', 'campaign_name', 'properties.canvas_name', 'canvas_name'),
          status: 'sent',
        });
      } else if (/^users\.behaviors\.subscription\.globalstatechange$/i.test(type)) {
        emit.event('consent', {
          event_id: id,
          occurred_at: time,
          recipient_id: user,
          action: subscriptionAction(first(o, 'properties.subscription_status', 'subscription_status')),
          source: first(o, 'properties.state_change_source', 'state_change_source', 'properties.channel', 'channel'),
        });
      } else if (/^users\.behaviors\.subscriptiongroup\.statechange$/i.test(type)) {
        emit.event('consent', {
          event_id: id,
          occurred_at: time,
          recipient_id: user,
          sender_id: first(o, 'properties.subscription_group_id', 'subscription_group_id'),
          action: subscriptionAction(first(o, 'properties.subscription_status', 'subscription_status')),
          source: first(o, 'properties.state_change_source', 'state_change_source', 'properties.channel', 'channel'),
        });
      } else emit.skip();
    };
  },
};

/**
 * SendGrid event webhook batches: `delivered` → a delivered notification; `unsubscribe` →
 * platform-wide opt-out; `group_unsubscribe` / `group_resubscribe` → opt-out / opt-in for the
 * unsubscribe group (`asm_group_id`). Dedupe on `sg_event_id`; other events are skipped.
 */
export const sendgridAdapter: Adapter = {
  name: 'sendgrid',
  kinds: ['consent', 'notifications'],
  detect(s) {
    const o = s.objects[0];
    return s.format === 'json' && !!o && 'sg_event_id' in o && 'event' in o;
  },
  create() {
    return (r, emit) => {
      if (r.type !== 'object') return emit.reject(null, 'expected a JSON object');
      const o = r.value;
      const event = (first(o, 'event') ?? '').toLowerCase();
      const base = { event_id: first(o, 'sg_event_id'), recipient_id: first(o, 'email') };
      const group = first(o, 'asm_group_id');
      if (event === 'delivered') {
        emit.event('notifications', {
          ...base,
          sent_at: first(o, 'timestamp'),
          sender_id: group ?? first(o, 'marketing_campaign_id') ?? 'sendgrid',
          template_id: first(o, 'template_id'),
          category: Array.isArray(o.category) ? o.category.map(String).join(', ') : first(o, 'category'),
          status: 'delivered',
        });
      } else if (event === 'unsubscribe' || event === 'group_unsubscribe' || event === 'group_resubscribe') {
        emit.event('consent', {
          ...base,
          occurred_at: first(o, 'timestamp'),
          sender_id: event === 'unsubscribe' ? undefined : group,
          action: event === 'group_resubscribe' ? 'opt_in' : 'opt_out',
          source: 'sendgrid:' + event,
        });
      } else emit.skip();
    };
  },
};
