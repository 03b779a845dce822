import type { Adapter } from '../types.ts';
import { alimtalkNhnAdapter, alimtalkSensAdapter } from './alimtalk.ts';
import { brazeAdapter, sendgridAdapter } from './braze-sendgrid.ts';
import { canonicalAdapter } from './canonical.ts';
import { slackAdapter, telegramAdapter } from './chat-links.ts';
import { genericAdapter } from './generic.ts';
import { twilioCsvAdapter, twilioJsonAdapter } from './twilio.ts';

/** Every adapter, in the order auto-detection tries them (specific vendors first, canonical last). */
export const adapters: readonly Adapter[] = [
  slackAdapter,
  alimtalkNhnAdapter,
  alimtalkSensAdapter,
  twilioCsvAdapter,
  twilioJsonAdapter,
  brazeAdapter,
  sendgridAdapter,
  telegramAdapter,
  canonicalAdapter,
  genericAdapter,
];

/** The adapter with this name, or undefined. */
export function adapterByName(name: string): Adapter | undefined {
  return adapters.find((a) => a.name === name);
}
