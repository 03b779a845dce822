import { act, cleanup, render } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MarkdownEditor, type EditorHandle } from '../../../renderer/components/studio/MarkdownEditor.tsx';
import { installLayoutStubs } from './jsdom-setup.ts';

beforeAll(installLayoutStubs);
afterEach(cleanup);

function setup(initialText: string) {
  const handle = createRef<EditorHandle>();
  const changes: string[] = [];
  render(
    <MarkdownEditor initialText={initialText} onChange={(t) => changes.push(t)} diagnostics={[]} lang="ko" label="본문" handle={handle} />,
  );
  const view = handle.current!.view()!;
  return { handle, view, changes };
}

function pressCtrlB(target: HTMLElement) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', code: 'KeyB', keyCode: 66, ctrlKey: true, bubbles: true, cancelable: true }));
}

describe('the editor is safe for Korean input methods', () => {
  it('the bold shortcut wraps the selection when no composition is in progress', () => {
    const { handle, view } = setup('데이터 요금');
    act(() => handle.current!.select(0, 3));
    pressCtrlB(view.contentDOM);
    expect(view.state.doc.toString()).toBe('**데이터** 요금');
  });

  it('the bold shortcut does not fire while a composition is in progress, and fires again after it ends', () => {
    const { handle, view } = setup('데이터 요금');
    act(() => handle.current!.select(0, 3));
    view.contentDOM.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
    pressCtrlB(view.contentDOM);
    expect(view.state.doc.toString()).toBe('데이터 요금');
    view.contentDOM.dispatchEvent(new CompositionEvent('compositionend', { data: '요', bubbles: true }));
    // jsdom reports Apple's navigator.vendor, so CodeMirror emulates Safari and swallows the first key
    // after compositionend (the key that committed the syllable): send that key first.
    view.contentDOM.dispatchEvent(new KeyboardEvent('keydown', { key: 'Process', keyCode: 229, bubbles: true }));
    pressCtrlB(view.contentDOM);
    expect(view.state.doc.toString()).toBe('**데이터** 요금');
  });

  it('the toolbar formatting action is also ignored mid-composition', () => {
    const { handle, view } = setup('안내');
    act(() => handle.current!.select(0, 2));
    view.contentDOM.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
    handle.current!.format('heading1');
    expect(view.state.doc.toString()).toBe('안내');
  });

  it('changes made during a composition reach onChange (and so autosave) only after compositionend', async () => {
    const { view, changes } = setup('수신');
    view.contentDOM.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
    view.dispatch({ changes: { from: 2, insert: ' 거' } });
    view.dispatch({ changes: { from: 4, insert: '부' } });
    expect(changes).toEqual([]);
    view.contentDOM.dispatchEvent(new CompositionEvent('compositionend', { data: '부', bubbles: true }));
    await Promise.resolve();
    expect(changes).toEqual(['수신 거부']);
  });

  it('undo restores the text before a formatting change', () => {
    const { handle, view } = setup('수신 거부');
    act(() => handle.current!.select(0, 2));
    handle.current!.format('bold');
    expect(view.state.doc.toString()).toBe('**수신** 거부');
    handle.current!.undo();
    expect(view.state.doc.toString()).toBe('수신 거부');
  });
});
