import type { RuleSet } from './rules-schema.ts';

/** How a sentence is rendered on a preview (measured by the studio from computed styles). */
export interface RenderedEmphasis {
  /** Font size of the sentence, in points (CSS px × 0.75). */
  sentencePt: number;
  /** Font size of the body text, in points. */
  bodyPt: number;
  /** Font weight ≥ 600. */
  bold: boolean;
  /** Coloured differently from the body text. */
  coloured: boolean;
}

/**
 * The emphasis rule on a rendered preview: a data-charge or refusal sentence must be bold or
 * coloured, or at least `minPt` points and `minRatio` × the body size (rules file `emphasis`).
 */
export function isVisiblyEmphasised(r: RenderedEmphasis, rule: Pick<RuleSet['emphasis'], 'minPt' | 'minRatio'>): boolean {
  if (r.bold || r.coloured) return true;
  return r.sentencePt >= rule.minPt && r.sentencePt >= r.bodyPt * rule.minRatio;
}
