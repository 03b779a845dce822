import { useLayoutEffect, useState, type RefObject } from 'react';
import type { EmphasisRule } from './emphasis.ts';
import { measureSentence } from './emphasis.ts';
import type { EmphasisTarget } from './emphasis-targets.ts';

/** The measured verdict for one sentence that must be emphasised. */
export interface EmphasisVerdict extends EmphasisTarget {
  emphasised: boolean;
  sizePt: number;
  bodyPt: number;
}

/**
 * After every render of a preview, measures the computed style of the DOM showing each target
 * sentence (found through the `data-start`/`data-end` ranges the AST renderer writes) and compares
 * it with the body text. Re-renders only when a verdict changes.
 */
export function useEmphasisCheck(root: RefObject<HTMLElement | null>, targets: readonly EmphasisTarget[], rule: EmphasisRule | null, renderKey: unknown): EmphasisVerdict[] {
  const [verdicts, setVerdicts] = useState<EmphasisVerdict[]>([]);
  useLayoutEffect(() => {
    const el = root.current;
    if (!el || !rule) return;
    const next: EmphasisVerdict[] = [];
    for (const target of targets) {
      const m = measureSentence(el, target.start, target.end, rule);
      if (m) next.push({ ...target, emphasised: m.emphasised, sizePt: m.sizePt, bodyPt: m.bodyPt });
    }
    setVerdicts((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [root, targets, rule, renderKey]);
  return verdicts;
}
