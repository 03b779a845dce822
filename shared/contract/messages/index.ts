import { bridgeMessages } from './bridge.ts';
import { cliMessages } from './cli.ts';
import { appMessages } from './app.ts';
import { checkMessages } from './checks.ts';
import { resolveParticles } from '../../ko-particles.ts';
import { codeMessages } from './common.ts';
import { evidenceMessages } from './evidence.ts';
import { importMessages } from './imports.ts';
import { pathMessages } from './paths.ts';
import { reviewFileMessages } from './review.ts';
import { reviewFlowMessages } from './review-flow.ts';
import { warehouseMessages } from './warehouse.ts';
import { workspaceMessages } from './workspace.ts';
import type { MessageParams, MessageText } from './define.ts';

export type { MessageParams, MessageText } from './define.ts';

/**
 * Every user-facing error message, by key, in English and Korean. Each domain keeps its messages
 * in a file of its own beside this one (e.g. `imports.ts` exporting `importMessages`); add it here.
 */
export const errorMessages = {
  ...codeMessages,
  ...appMessages,
  ...workspaceMessages,
  ...cliMessages,
  ...importMessages,
  ...bridgeMessages,
  ...pathMessages,
  ...checkMessages,
  ...reviewFlowMessages,
  ...reviewFileMessages,
  ...evidenceMessages,
  ...warehouseMessages,
} satisfies Record<string, MessageText>;

/** A key of `errorMessages`. */
export type ErrorKey = keyof typeof errorMessages;

/** The languages every message is written in. */
export type MessageLocale = keyof MessageText;

/** Fills `{name}` placeholders; an unknown placeholder stays as written. */
export function fillPlaceholders(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** True when `key` names a known message. */
export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && Object.hasOwn(errorMessages, key);
}

/** A message in the given language, with its params filled in. */
export function formatMessage(key: ErrorKey, params: MessageParams | undefined, locale: MessageLocale): string {
  const text = fillPlaceholders(errorMessages[key][locale], params);
  // 을(를), 이(가) … become the particle the filled-in word takes, as in the UI's own messages.
  return locale === 'ko' ? resolveParticles(text) : text;
}

/** The generic wording of an error code in the given language (of `internal` for an unknown code). */
export function codeMessage(code: string, locale: MessageLocale): string {
  const key = `code.${code}`;
  return isErrorKey(key) ? errorMessages[key][locale] : errorMessages['code.internal'][locale];
}
