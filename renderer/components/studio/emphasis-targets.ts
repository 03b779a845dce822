import type { DocumentNode } from '../../../shared/disclosures/markdown.ts';
import { sourceRange, splitSentences, toPlainText } from '../../../shared/disclosures/plain-text.ts';
import type { RuleSet } from '../../../shared/disclosures/rules-schema.ts';
import type { CheckResult } from '../../../shared/disclosures/types.ts';

/** A sentence whose rendering must be emphasised: the rule it satisfies and its source range. */
export interface EmphasisTarget {
  rule: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The sentences to measure on the preview: for every satisfied requirement the rule set marks
 * `emphasis: true` (data charges, how to refuse), the whole sentences that hold the matched range.
 */
export function emphasisTargets(doc: DocumentNode, variables: Record<string, string>, result: CheckResult, rules: RuleSet): EmphasisTarget[] {
  const needs = new Set(rules.requirements.filter((r) => r.emphasis).map((r) => r.id));
  const plain = toPlainText(doc, variables);
  const sentences = splitSentences(plain.text);
  const out: EmphasisTarget[] = [];
  for (const s of result.satisfied) {
    if (!needs.has(s.rule)) continue;
    const hit = sentences.filter((x) => {
      const r = sourceRange(plain, x.start, x.end);
      return r.start < s.end && r.end > s.start;
    });
    if (hit.length === 0) continue;
    const first = sourceRange(plain, hit[0]!.start, hit[0]!.end);
    const last = sourceRange(plain, hit[hit.length - 1]!.start, hit[hit.length - 1]!.end);
    out.push({ rule: s.rule, start: first.start, end: last.end, text: hit.map((x) => x.text).join(' ') });
  }
  return out;
}
