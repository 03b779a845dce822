import { EditorSelection, type ChangeSpec } from '@codemirror/state';
import type { Command, EditorView, KeyBinding } from '@codemirror/view';
import { imeSafe } from './ime-guard.ts';

/** Wraps each selection in `mark` (e.g. `**`), or unwraps it when already wrapped. */
export function toggleWrap(mark: string): Command {
  return (view) => {
    const { state } = view;
    const tr = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - mark.length, range.from);
      const after = state.sliceDoc(range.to, range.to + mark.length);
      if (before === mark && after === mark) {
        return {
          changes: [
            { from: range.from - mark.length, to: range.from },
            { from: range.to, to: range.to + mark.length },
          ],
          range: EditorSelection.range(range.from - mark.length, range.to - mark.length),
        };
      }
      return {
        changes: [
          { from: range.from, insert: mark },
          { from: range.to, insert: mark },
        ],
        range: EditorSelection.range(range.from + mark.length, range.to + mark.length),
      };
    });
    view.dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

const LINE_PREFIX = /^(#{1,6} |[-*] |\d+\. )/;

/** Sets (or removes, when already set) a line prefix such as `## `, `- ` or `1. ` on every selected line. */
export function toggleLinePrefix(prefix: string): Command {
  return (view) => {
    const { state } = view;
    const changes: ChangeSpec[] = [];
    const seen = new Set<number>();
    for (const range of state.selection.ranges) {
      for (let pos = range.from; pos <= range.to; ) {
        const line = state.doc.lineAt(pos);
        if (!seen.has(line.number)) {
          seen.add(line.number);
          const existing = LINE_PREFIX.exec(line.text)?.[0] ?? '';
          const same = existing === prefix || (prefix === '1. ' && /^\d+\. $/.test(existing));
          changes.push({ from: line.from, to: line.from + existing.length, insert: same ? '' : prefix });
        }
        pos = line.to + 1;
      }
    }
    view.dispatch({ changes, userEvent: 'input.format', scrollIntoView: true });
    return true;
  };
}

/** Turns the selection into a Markdown link `[text](https://)` and selects the URL part. */
export const insertLink: Command = (view) => {
  const { state } = view;
  const tr = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to) || 'link';
    const insert = `[${text}](https://)`;
    const urlStart = range.from + text.length + 3;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.range(urlStart, urlStart + 8),
    };
  });
  view.dispatch(state.update(tr, { userEvent: 'input.format', scrollIntoView: true }));
  return true;
};

/** Inserts text at the end of the document on its own paragraph and selects it. */
export function appendParagraph(view: EditorView, text: string): void {
  const doc = view.state.doc;
  const tail = doc.toString();
  const sep = tail.length === 0 ? '' : tail.endsWith('\n\n') ? '' : tail.endsWith('\n') ? '\n' : '\n\n';
  const from = doc.length + sep.length;
  view.dispatch({
    changes: { from: doc.length, insert: `${sep}${text}\n` },
    selection: EditorSelection.range(from, from + text.length),
    scrollIntoView: true,
    userEvent: 'input.suggestion',
  });
  view.focus();
}

/** The formatting actions the toolbar and shortcuts share. */
export const formatCommands = {
  bold: toggleWrap('**'),
  heading1: toggleLinePrefix('# '),
  heading2: toggleLinePrefix('## '),
  bulletList: toggleLinePrefix('- '),
  orderedList: toggleLinePrefix('1. '),
  link: insertLink,
} satisfies Record<string, Command>;

export type FormatAction = keyof typeof formatCommands;

/** Shortcuts for the formatting actions; each is inert while an IME composition is in progress. */
export const formatKeymap: KeyBinding[] = [
  { key: 'Mod-b', run: imeSafe(formatCommands.bold) },
  { key: 'Mod-Alt-1', run: imeSafe(formatCommands.heading1) },
  { key: 'Mod-Alt-2', run: imeSafe(formatCommands.heading2) },
  { key: 'Mod-Shift-8', run: imeSafe(formatCommands.bulletList) },
  { key: 'Mod-Shift-7', run: imeSafe(formatCommands.orderedList) },
  { key: 'Mod-k', run: imeSafe(formatCommands.link) },
];
