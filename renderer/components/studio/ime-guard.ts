import { ViewPlugin, type EditorView } from '@codemirror/view';
import type { Command } from '@codemirror/view';

/**
 * Tracks IME composition on an editor from the DOM events themselves (compositionstart /
 * compositionend), in addition to CodeMirror's own `view.composing`, so that a Korean syllable
 * being assembled is never interrupted by a shortcut or an autosave.
 */
const composingViews = new WeakSet<EditorView>();
const endListeners = new WeakMap<EditorView, Set<() => void>>();

/** The extension that records composition state for `isComposing`. */
export const imeGuard = ViewPlugin.fromClass(
  class {
    private readonly view: EditorView;
    private readonly onStart = () => {
      composingViews.add(this.view);
    };
    private readonly onEnd = () => {
      composingViews.delete(this.view);
      for (const listener of endListeners.get(this.view) ?? []) listener();
    };
    constructor(view: EditorView) {
      this.view = view;
      view.contentDOM.addEventListener('compositionstart', this.onStart);
      view.contentDOM.addEventListener('compositionend', this.onEnd);
    }
    destroy() {
      this.view.contentDOM.removeEventListener('compositionstart', this.onStart);
      this.view.contentDOM.removeEventListener('compositionend', this.onEnd);
      composingViews.delete(this.view);
    }
  },
);

/** True while an input-method composition is in progress in the view. */
export function isComposing(view: EditorView): boolean {
  return composingViews.has(view) || view.composing || view.compositionStarted;
}

/** Calls `listener` whenever a composition in `view` ends; returns an unsubscribe function. */
export function onCompositionEnd(view: EditorView, listener: () => void): () => void {
  let set = endListeners.get(view);
  if (!set) {
    set = new Set();
    endListeners.set(view, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Wraps a command so it does nothing while a composition is in progress. Returning `true`
 * swallows the key so the browser does not apply its own binding mid-syllable either.
 */
export function imeSafe(command: Command): Command {
  return (view) => (isComposing(view) ? true : command(view));
}
