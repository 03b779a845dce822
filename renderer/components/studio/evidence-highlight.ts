import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** Shows (a range) or clears (null) the evidence highlight. */
export const setEvidence = StateEffect.define<{ from: number; to: number } | null>();

const evidenceMark = Decoration.mark({ class: 'cm-evidence', attributes: { 'data-evidence': 'true' } });

/**
 * The sentence a checklist item rests on, highlighted while the item is hovered or focused. The
 * range follows edits made while it is shown; an empty or out-of-range request clears it.
 */
const evidenceField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setEvidence)) continue;
      const len = tr.state.doc.length;
      const from = e.value ? Math.min(e.value.from, len) : 0;
      const to = e.value ? Math.min(e.value.to, len) : 0;
      next = to > from ? Decoration.set([evidenceMark.range(from, to)]) : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The editor extension that draws the evidence highlight. */
export const evidenceHighlight: Extension = evidenceField;

/** Highlights a range (scrolling it into view when it is off screen), or clears with null. */
export function showEvidence(view: EditorView, range: { from: number; to: number } | null): void {
  const len = view.state.doc.length;
  const effects: StateEffect<unknown>[] = [setEvidence.of(range)];
  if (range && range.to > range.from && range.from <= len) effects.push(EditorView.scrollIntoView(Math.min(range.from, len), { y: 'nearest' }));
  view.dispatch({ effects });
}

/** The ranges highlighted as evidence now (for tests and screenshots). */
export function evidenceRanges(view: EditorView): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  view.state.field(evidenceField).between(0, view.state.doc.length, (from, to) => {
    out.push({ from, to });
  });
  return out;
}
