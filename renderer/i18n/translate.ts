import { fillPlaceholders } from '../../shared/contract/messages/index.ts';
import type { Locale } from '../../shared/contract/settings.ts';
import { resolveParticles } from '../../shared/ko-particles.ts';
import { en } from './en/index.ts';
import { ko } from './ko/index.ts';
import type { MessageKey, Messages } from './types.ts';

const catalogs: Record<Locale, Messages> = { en, ko };

/**
 * Looks up a dotted key and fills `{name}` placeholders (in Korean, a written particle pair after a
 * placeholder such as `{name}을(를)` becomes the one the value takes). Falls back to English, then to the key.
 */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const find = (messages: Messages): string | undefined => {
    let node: unknown = messages;
    for (const part of key.split('.')) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
  const text = fillPlaceholders(find(catalogs[locale]) ?? find(catalogs.en) ?? key, vars);
  return locale === 'ko' ? resolveParticles(text) : text;
}
