import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewMergeSummary } from '../../../shared/contract/review.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import { ExchangeView } from '../../../renderer/components/review/ExchangeView.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { fakeBridge, renderWith } from './fake-bridge.tsx';
import { EN, KO, VERSION } from './fixtures.ts';

afterEach(() => {
  cleanup();
  setBridge(null);
});

const SUGGESTED = { koText: KO.replace('들 수 있습니다', '듭니다(건당 약 8원)'), enText: EN };

function summary(over: Partial<ReviewMergeSummary> = {}): ReviewMergeSummary {
  return { disclosureId: 7, title: '배송 알림 안내', versionNumber: 2, format: 'docx', threadsAdded: 2, repliesAdded: 1, decisionsAdded: 0, orphaned: 1, suggestion: SUGGESTED, ...over };
}

function draft(id: number, texts: { koText: string; enText: string }): Disclosure {
  return { id, title: '배송 알림 안내 (사본 / copy)', surface: 'alimtalk', status: 'draft', ...texts, createdAt: 0, updatedAt: 0, publishedAt: null, effectiveAt: null, version: 2, derivedFrom: 7, history: [] };
}

function mount(result: ReviewMergeSummary, editable: boolean) {
  const stored = { koText: '', enText: '' };
  const bridge = fakeBridge({
    'review:importFile': () => result,
    'review:version': () => VERSION,
    'disclosures:duplicate': (input) => draft(8, { koText: KO, enText: EN, ...{ derivedFrom: input.id } }),
    'disclosures:update': (input) => {
      Object.assign(stored, { koText: input.koText, enText: input.enText });
      return { id: input.id, updatedAt: 1, version: 2 };
    },
    'disclosures:get': (input) => draft(input.id, stored),
  });
  const onOpen = vi.fn();
  const beforeChange = vi.fn(async () => {});
  renderWith(bridge, <ExchangeView id={7} latest={2} editable={editable} author="김법무" beforeChange={beforeChange} onOpen={onOpen} />, 'ko');
  return { bridge, onOpen, beforeChange };
}

async function importFile(name: string) {
  const input = screen.getByTestId('review-import');
  fireEvent.change(input, { target: { files: [new File(['PK'], name)] } });
  return screen.findByTestId('merge-summary');
}

describe('bringing a reviewed file back', () => {
  it('shows what the merge added, and a Word suggestion as a diff against its version, never applied by itself', async () => {
    const { bridge } = mount(summary(), false);
    const shown = await importFile('검토.docx');
    expect(bridge.inputs('review:importFile')).toEqual([{ path: '/uploads/검토.docx', id: 7, actor: '김법무' }]);
    expect(shown.querySelector('[data-count="threads"] dd')!.textContent).toBe('2');
    expect(shown.querySelector('[data-count="replies"] dd')!.textContent).toBe('1');
    expect(shown.querySelector('[data-count="orphaned"] dd')!.textContent).toBe('1');
    const suggestion = await screen.findByTestId('suggestion');
    await waitFor(() => expect(suggestion.querySelectorAll('ins').length).toBeGreaterThan(0));
    expect([...suggestion.querySelectorAll('ins')].map((e) => e.textContent).join('')).toContain('듭니다');
    expect(bridge.inputs('disclosures:update')).toEqual([]);
    expect(bridge.inputs('disclosures:duplicate')).toEqual([]);
  });

  it('starts a new draft from the suggestion only when asked, and opens it', async () => {
    const { bridge, onOpen, beforeChange } = mount(summary(), false);
    await importFile('검토.docx');
    const button = await screen.findByRole('button', { name: '이 수정으로 새 초안 만들기' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button);
    await waitFor(() => expect(onOpen).toHaveBeenCalled());
    expect(beforeChange).toHaveBeenCalled();
    expect(bridge.inputs('disclosures:duplicate')).toEqual([{ id: 7, actor: '김법무' }]);
    expect(bridge.inputs('disclosures:update')).toEqual([{ id: 8, ...SUGGESTED }]);
    expect(onOpen.mock.calls[0]![0]).toMatchObject({ id: 8, koText: SUGGESTED.koText });
  });

  it('puts the suggestion into the draft itself when it can be edited', async () => {
    const { bridge, onOpen } = mount(summary(), true);
    await importFile('검토.docx');
    const button = await screen.findByRole('button', { name: '이 수정을 지금 초안에 넣기' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button);
    await waitFor(() => expect(onOpen).toHaveBeenCalled());
    expect(bridge.inputs('disclosures:duplicate')).toEqual([]);
    expect(bridge.inputs('disclosures:update')).toEqual([{ id: 7, ...SUGGESTED }]);
  });

  it('says so when a file adds nothing new', async () => {
    mount(summary({ format: 'noticereview', threadsAdded: 0, repliesAdded: 0, decisionsAdded: 0, orphaned: 0, suggestion: null }), false);
    const shown = await importFile('배송.noticereview');
    expect(shown.textContent).toContain('새로운 내용이 없습니다');
    expect(screen.queryByTestId('suggestion')).toBeNull();
  });
});
