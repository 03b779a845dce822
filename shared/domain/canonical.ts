/** The canonical event model (docs/canonical-model.md) as domain types. Times are UTC epoch milliseconds. */

export const notificationStatuses = ['sent', 'delivered', 'failed', 'blocked', 'fallback_sms'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

export const networks = ['cellular', 'wifi', 'unknown'] as const;
export type Network = (typeof networks)[number];

export const consentActions = ['notice_shown', 'opt_in', 'opt_out', 'block', 'unblock'] as const;
export type ConsentAction = (typeof consentActions)[number];

export const urlActions = ['shared', 'crawled', 'indexed', 'served', 'removed'] as const;
export type UrlAction = (typeof urlActions)[number];

export const eventKinds = ['notifications', 'consent', 'urls'] as const;
export type EventKind = (typeof eventKinds)[number];

/** One message sent to one recipient. */
export interface NotificationEvent {
  eventId: string | null;
  sentAt: number;
  sentAtRaw: string;
  zoneAssumed: boolean;
  recipientId: string;
  senderId: string;
  templateId: string | null;
  category: string | null;
  status: NotificationStatus;
  bytes: number | null;
  network: Network;
}

/** One consent-relevant event; `senderId` null means platform-wide. */
export interface ConsentEvent {
  eventId: string | null;
  occurredAt: number;
  occurredAtRaw: string;
  zoneAssumed: boolean;
  recipientId: string;
  senderId: string | null;
  action: ConsentAction;
  disclosureVersion: string | null;
  source: string | null;
}

/** One URL-sharing or URL-indexing event. */
export interface UrlEvent {
  eventId: string | null;
  occurredAt: number;
  occurredAtRaw: string;
  zoneAssumed: boolean;
  url: string;
  action: UrlAction;
  recipientId: string | null;
  engine: string | null;
}
