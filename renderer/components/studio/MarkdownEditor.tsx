import { defaultKeymap, history, historyKeymap, indentWithTab, redo, undo } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, openSearchPanel, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { editorStyle } from './editor-style.ts';
import { evidenceHighlight, showEvidence } from './evidence-highlight.ts';
import { appendParagraph, formatCommands, formatKeymap, type FormatAction } from './formatting.ts';
import { imeGuard, isComposing, onCompositionEnd } from './ime-guard.ts';

/** What the studio can do to an editor from outside (toolbar, checklist, findings panel). */
export interface EditorHandle {
  format(action: FormatAction): void;
  undo(): void;
  redo(): void;
  find(): void;
  /** Selects a range and scrolls it into view. */
  select(from: number, to: number): void;
  /** Appends a suggested sentence as its own paragraph. */
  append(text: string): void;
  /** Inserts text at the cursor (a template variable). */
  insert(text: string): void;
  /** Highlights the evidence of a checklist item (null clears it); the selection is left alone. */
  highlight(range: { from: number; to: number } | null): void;
  /** The main selection now (from = to when nothing is selected). */
  selection(): { from: number; to: number; text: string };
  /** True while an IME composition is in progress. */
  composing(): boolean;
  view(): EditorView | null;
}

export interface MarkdownEditorProps {
  initialText: string;
  /** Called with the new text after each change, but never while an IME composition is in progress. */
  onChange(text: string): void;
  diagnostics: Diagnostic[];
  lang: string;
  label: string;
  placeholder?: string;
  /** Editor UI strings (search panel) in the app's language. */
  phrases?: Record<string, string>;
  handle?: Ref<EditorHandle>;
  readOnly?: boolean;
  /** Called when the editor gets focus (the toolbar acts on the last focused editor). */
  onFocus?(): void;
  onScroll?(ratio: number): void;
}

/** A CodeMirror 6 Markdown editor: formatting shortcuts, undo/redo, find, lint underlines, IME-safe. */
export function MarkdownEditor(props: MarkdownEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const readOnlyBox = useRef(new Compartment());
  useEffect(() => {
    if (!host.current) return undefined;
    let pending = false;
    const flush = () => {
      const view = viewRef.current;
      if (!pending || !view || isComposing(view)) return;
      pending = false;
      latest.current.onChange(view.state.doc.toString());
    };
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.initialText,
        extensions: [
          imeGuard,
          readOnlyBox.current.of(EditorState.readOnly.of(Boolean(latest.current.readOnly))),
          history(),
          search({ top: true }),
          highlightSelectionMatches(),
          markdown(),
          editorStyle,
          evidenceHighlight,
          lintGutter(),
          EditorView.lineWrapping,
          EditorState.phrases.of(latest.current.phrases ?? {}),
          placeholderExt(latest.current.placeholder ?? ''),
          keymap.of([...formatKeymap, ...historyKeymap, ...searchKeymap, indentWithTab, ...defaultKeymap]),
          EditorView.contentAttributes.of({ lang: latest.current.lang, 'aria-label': latest.current.label, spellcheck: 'false' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            pending = true;
            flush();
          }),
          EditorView.domEventHandlers({
            focus: () => {
              latest.current.onFocus?.();
            },
            scroll: (_event, v) => {
              const el = v.scrollDOM;
              const max = el.scrollHeight - el.clientHeight;
              latest.current.onScroll?.(max > 0 ? el.scrollTop / max : 0);
            },
          }),
        ],
      }),
    });
    viewRef.current = view;
    const off = onCompositionEnd(view, () =>
      queueMicrotask(() => {
        flush();
        applyDiagnostics();
      }),
    );
    return () => {
      off();
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // Underlines are applied between compositions only: a dispatch mid-syllable could disturb the IME.
  const applyDiagnostics = () => {
    const view = viewRef.current;
    if (!view || isComposing(view)) return;
    view.dispatch(setDiagnostics(view.state, latest.current.diagnostics));
  };
  useEffect(applyDiagnostics, [props.diagnostics]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: readOnlyBox.current.reconfigure(EditorState.readOnly.of(Boolean(props.readOnly))) });
  }, [props.readOnly]);

  useImperativeHandle(
    props.handle,
    () => ({
      format(action) {
        const view = viewRef.current;
        if (!view || isComposing(view)) return;
        formatCommands[action](view);
        view.focus();
      },
      undo() {
        if (viewRef.current) undo(viewRef.current);
      },
      redo() {
        if (viewRef.current) redo(viewRef.current);
      },
      find() {
        if (viewRef.current) openSearchPanel(viewRef.current);
      },
      select(from, to) {
        const view = viewRef.current;
        if (!view) return;
        const len = view.state.doc.length;
        view.dispatch({
          selection: EditorSelection.range(Math.min(from, len), Math.min(to, len)),
          scrollIntoView: true,
        });
        view.focus();
      },
      append(text) {
        if (viewRef.current) appendParagraph(viewRef.current, text);
      },
      insert(text) {
        const view = viewRef.current;
        if (!view || isComposing(view)) return;
        view.dispatch(view.state.replaceSelection(text));
        view.focus();
      },
      highlight(range) {
        const view = viewRef.current;
        if (!view || isComposing(view)) return;
        showEvidence(view, range);
      },
      selection() {
        const view = viewRef.current;
        if (!view) return { from: 0, to: 0, text: '' };
        const { from, to } = view.state.selection.main;
        return { from, to, text: view.state.sliceDoc(from, to) };
      },
      composing: () => (viewRef.current ? isComposing(viewRef.current) : false),
      view: () => viewRef.current,
    }),
    [],
  );

  return <div className="md-editor" ref={host} lang={props.lang} />;
}

/** Scrolls an editor to a ratio of its scroll height (synchronized scrolling of the two languages). */
export function scrollToRatio(view: EditorView | null, ratio: number): void {
  if (!view) return;
  const el = view.scrollDOM;
  el.scrollTop = ratio * Math.max(0, el.scrollHeight - el.clientHeight);
}
