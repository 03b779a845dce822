import { useEffect, useMemo, useRef, useState } from 'react';
import type { DisclosureRules } from '../../../shared/contract/disclosures.ts';
import { checkDisclosure } from '../../../shared/disclosures/check.ts';
import { parseMarkdown, type DocumentNode } from '../../../shared/disclosures/markdown.ts';
import type { CheckResult, Locale, Surface } from '../../../shared/disclosures/types.ts';

/** How long typing must pause before the checks run again. */
export const CHECK_DEBOUNCE_MS = 150;

/** The parsed document and its check result for one text. */
export interface LiveCheck {
  doc: DocumentNode;
  result: CheckResult | null;
}

/**
 * Delays a value until it has been stable for `ms`; while `busy()` is true (an IME composition)
 * the update waits, so no re-render lands mid-syllable.
 */
export function useDebounced<T>(value: T, ms: number, busy: () => boolean = () => false): T {
  const [current, setCurrent] = useState(value);
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  });
  useEffect(() => {
    let timer = setTimeout(function tick() {
      if (busyRef.current()) timer = setTimeout(tick, ms);
      else setCurrent(value);
    }, ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/**
 * Runs the engine's `checkDisclosure` in the renderer on the text, debounced ~150 ms, with the
 * app's rule sets and the workspace's variable values.
 */
export function useLiveCheck(
  text: string,
  locale: Locale,
  surface: Surface,
  rules: DisclosureRules | undefined,
  variables: Record<string, string> | undefined,
  composing?: () => boolean,
): LiveCheck {
  const settled = useDebounced(text, CHECK_DEBOUNCE_MS, composing);
  return useMemo(() => {
    const doc = parseMarkdown(settled);
    if (!rules) return { doc, result: null };
    const result = checkDisclosure(settled, {
      locale,
      surface,
      rules: rules.rules[locale],
      wordLists: { hardWords: rules.hardWords[locale], jargon: rules.jargon[locale] },
      doc,
      ...(variables ? { variables } : {}),
    });
    return { doc, result };
  }, [settled, locale, surface, rules, variables]);
}
