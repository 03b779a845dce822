import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** Markdown shown as it will read: headings larger, bold bold, links coloured, markers muted. */
const markdownStyle = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: '700', fontSize: '1.2em' },
  { tag: tags.heading2, fontWeight: '700', fontSize: '1.1em' },
  { tag: tags.heading3, fontWeight: '700' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.link, color: 'var(--accent)' },
  { tag: tags.url, color: 'var(--accent)', textDecoration: 'underline' },
  { tag: [tags.processingInstruction, tags.contentSeparator], color: 'var(--muted)' },
  { tag: tags.list, color: 'var(--muted)' },
]);

const variableMark = Decoration.mark({ class: 'cm-template-var' });
const variables = new MatchDecorator({ regexp: /\{\{\s*[A-Za-z0-9_.-]*\s*\}\}/g, decoration: () => variableMark });

/** Template variables (`{{name}}`) shown as chips. */
const variableChips = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = variables.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = variables.updateDeco(update, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

/** The studio editor's look: Markdown highlighting and variable chips. */
export const editorStyle = [syntaxHighlighting(markdownStyle), variableChips];
