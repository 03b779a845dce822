import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { matchesThreadFilter, segmentText, threadCounts } from '../../../renderer/components/review/thread-filter.ts';
import { ThreadsView, type EditorLink } from '../../../renderer/components/review/ThreadsView.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { fakeBridge, renderWith } from './fake-bridge.tsx';
import { KO, VERSION, VERSIONS, thread } from './fixtures.ts';

afterEach(() => {
  cleanup();
  setBridge(null);
});

const THREADS = [
  thread(1, '데이터 요금이 들 수 있습니다'),
  thread(2, '와이파이로 받으면', { status: 'resolved' }),
  thread(3, '한 건에 약 8원이 듭니다', { orphaned: true }),
  thread(4, 'mobile data', { locale: 'en' }),
];

const editor: EditorLink = { text: () => '', editable: false, highlight: () => {} };

function mount(author = '김법무') {
  const bridge = fakeBridge({
    'review:threads': () => ({ version: 2, threads: THREADS }),
    'review:version': () => VERSION,
  });
  renderWith(bridge, <ThreadsView id={7} versions={VERSIONS} author={author} editor={editor} />, 'ko');
  return bridge;
}

/** The threads listed in the main list, by their opening comment. */
function listed(): string[] {
  const list = screen.queryByRole('region', { name: '의견' });
  return list ? within(list).queryAllByRole('article').map((a) => a.querySelector('.rv-body')!.textContent!) : [];
}

describe('the thread filters', () => {
  it('count open and resolved among placed threads, orphaned ones apart', () => {
    expect(threadCounts(THREADS)).toEqual({ open: 2, resolved: 1, orphaned: 1, all: 4 });
    expect(THREADS.filter((t) => matchesThreadFilter(t, 'open')).map((t) => t.comments[0]!.body)).toEqual(['comment 1', 'comment 4']);
    expect(THREADS.filter((t) => matchesThreadFilter(t, 'orphaned')).map((t) => t.comments[0]!.body)).toEqual(['comment 3']);
  });

  it('cut a text where threads begin and end', () => {
    const pieces = segmentText(KO, THREADS, 'ko');
    expect(pieces.map((p) => KO.slice(p.start, p.end)).join('')).toBe(KO);
    expect(pieces.filter((p) => p.threadIds.length).map((p) => KO.slice(p.start, p.end))).toEqual(['데이터 요금이 들 수 있습니다', '와이파이로 받으면']);
  });

  it('show open threads first, then resolved, all, and orphaned ones in their own panel with their quotes', async () => {
    mount();
    await waitFor(() => expect(listed()).toEqual(['comment 1', 'comment 4']));
    const panel = screen.getByTestId('orphaned-panel');
    expect(panel.textContent).toContain('위치를 잃은 의견 (1)');
    expect(panel.querySelector('blockquote')!.textContent).toBe('한 건에 약 8원이 듭니다');
    expect(within(panel).getByText('문구 사라짐')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '해결됨 (1)' }));
    expect(listed()).toEqual(['comment 2']);
    fireEvent.click(screen.getByRole('button', { name: '전체 (4)' }));
    expect(listed()).toEqual(['comment 1', 'comment 2', 'comment 4']);
    expect(screen.getByTestId('orphaned-panel')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '위치 잃음 (1)' }));
    expect(listed()).toEqual([]);
    expect(within(screen.getByTestId('orphaned-panel')).getAllByRole('article')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '위치 잃음 (1)' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('marks the placed threads of the filter in the version’s text', async () => {
    mount();
    const ko = await screen.findByTestId('version-text-ko');
    expect(ko.textContent).toBe(KO);
    expect([...ko.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['데이터 요금이 들 수 있습니다']);
    fireEvent.click(screen.getByRole('button', { name: '전체 (4)' }));
    expect([...ko.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['데이터 요금이 들 수 있습니다', '와이파이로 받으면']);
  });

  it('offers edit and delete only on one’s own comments', async () => {
    const bridge = fakeBridge({
      'review:threads': () => ({ version: 2, threads: [thread(1, '데이터 요금이 들 수 있습니다'), thread(5, '와이파이로 받으면', { author: '박검토' })] }),
      'review:version': () => VERSION,
    });
    renderWith(bridge, <ThreadsView id={7} versions={VERSIONS} author="김법무" editor={editor} />, 'ko');
    await waitFor(() => expect(listed()).toHaveLength(2));
    const [mine, theirs] = within(screen.getByRole('region', { name: '의견' })).getAllByRole('article');
    expect(within(mine!).getByRole('button', { name: '수정' })).toBeTruthy();
    expect(within(theirs!).queryByRole('button', { name: '수정' })).toBeNull();
    expect(within(theirs!).getByRole('button', { name: '해결' })).toBeTruthy();
  });

  it('comments on the words selected in a version’s text, with their exact range and quote', async () => {
    const bridge = fakeBridge({
      'review:threads': () => ({ version: 2, threads: [] }),
      'review:version': () => VERSION,
      'review:comment': (input) => ({ ...thread(9, input.quote), placed: undefined }) as never,
    });
    renderWith(bridge, <ThreadsView id={7} versions={VERSIONS} author="김법무" editor={editor} />, 'ko');
    const ko = await screen.findByTestId('version-text-ko');
    const node = ko.firstChild!.firstChild!;
    const at = KO.indexOf('와이파이로');
    document.getSelection()!.setBaseAndExtent(node, at, node, at + '와이파이로 받으면'.length);
    document.dispatchEvent(new Event('selectionchange'));
    fireEvent.click(await screen.findByRole('button', { name: '의견 남기기' }));
    fireEvent.change(screen.getByRole('textbox', { name: '의견' }), { target: { value: '  와이파이 문구는 좋습니다. ' } });
    fireEvent.click(screen.getByRole('button', { name: '의견 추가' }));
    await waitFor(() => expect(bridge.inputs('review:comment')).toHaveLength(1));
    expect(bridge.inputs('review:comment')[0]).toEqual({
      id: 7,
      number: 2,
      locale: 'ko',
      start: at,
      end: at + 9,
      quote: '와이파이로 받으면',
      body: '와이파이 문구는 좋습니다.',
      author: '김법무',
    });
  });
});
