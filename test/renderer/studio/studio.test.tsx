import { EditorView } from '@codemirror/view';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import { setBridge } from '../../../renderer/data/api.ts';
import { installLayoutStubs } from './jsdom-setup.ts';
import { editorContent, mountPage } from './mount.tsx';

beforeAll(installLayoutStubs);
afterEach(() => {
  cleanup();
  setBridge(null);
});

describe('the disclosure studio against the real handlers', () => {
  it('creates an AlimTalk notice from its template, opens it, and every required element is present in both languages', async () => {
    const backend = await mountPage('ko');
    await screen.findByText('아직 고지문이 없습니다. 사용자가 글을 보게 될 화면을 골라 템플릿으로 시작하세요.');
    fireEvent.click(screen.getByRole('button', { name: '만들기' }));
    const checksKo = await screen.findByTestId('checks-ko', {}, { timeout: 10_000 });
    const checksEn = await screen.findByTestId('checks-en');
    for (const panel of [checksKo, checksEn]) {
      await waitFor(() => expect(panel.querySelectorAll('li[data-state="present"]').length).toBe(4));
      expect(panel.querySelectorAll('li[data-state="missing"]').length).toBe(0);
    }
    expect(backend.calls.filter((c) => c.name === 'disclosures:create')).toEqual([
      { name: 'disclosures:create', input: { surface: 'alimtalk', from: 'template' } },
    ]);
  });

  it('flags a missing element with its suggested sentence, and "insert suggestion" adds it and autosaves', async () => {
    let created!: Disclosure;
    const backend = await mountPage('en', async (api) => {
      created = await api['disclosures:create']({ surface: 'settings' });
      await api['disclosures:update']({ id: created.id, enText: 'We send delivery updates by AlimTalk.' });
    });
    fireEvent.click(await screen.findByRole('button', { name: created.title }));
    const checksEn = await screen.findByTestId('checks-en', {}, { timeout: 10_000 });
    const row = await waitFor(() => {
      const li = checksEn.querySelector<HTMLElement>('li[data-rule="data-charges"][data-state="missing"]');
      expect(li).not.toBeNull();
      return li!;
    });
    expect(row.textContent).toContain('data charges may apply');
    fireEvent.click(within(row).getByRole('button', { name: 'Insert suggestion' }));
    await waitFor(() => expect(checksEn.querySelector('li[data-rule="data-charges"]')!.getAttribute('data-state')).toBe('present'));
    await waitFor(() => expect(screen.getByTestId('save-state').getAttribute('data-state')).toBe('saved'), { timeout: 5_000 });
    const saved = await backend.api['disclosures:get']({ id: created.id });
    expect(saved.enText).toContain('data charges may apply');
    expect(saved.enText.startsWith('We send delivery updates by AlimTalk.')).toBe(true);
  });

  it('lists an unknown template variable as a finding with the closest known name', async () => {
    let created!: Disclosure;
    await mountPage('en', async (api) => {
      created = await api['disclosures:create']({ surface: 'alimtalk' });
      await api['disclosures:update']({ id: created.id, enText: '{{sendr_name}} sends you updates by AlimTalk.' });
    });
    fireEvent.click(await screen.findByRole('button', { name: created.title }));
    const checksEn = await screen.findByTestId('checks-en', {}, { timeout: 10_000 });
    const finding = await waitFor(() => {
      const li = checksEn.querySelector('li[data-rule="unknown-variable"]');
      expect(li).not.toBeNull();
      return li!;
    });
    expect(finding.textContent).toContain('{{sender_name}}');
  });

  it('clicking a finding selects its range in the editor', async () => {
    let created!: Disclosure;
    await mountPage('en', async (api) => {
      created = await api['disclosures:create']({ surface: 'alimtalk' });
      await api['disclosures:update']({ id: created.id, enText: 'Get a 20% coupon now! We send you order updates by AlimTalk.' });
    });
    fireEvent.click(await screen.findByRole('button', { name: created.title }));
    const checksEn = await screen.findByTestId('checks-en', {}, { timeout: 10_000 });
    const ad = await waitFor(() => {
      const li = checksEn.querySelector<HTMLElement>('li[data-rule="advertising"]');
      expect(li).not.toBeNull();
      return li!;
    });
    act(() => {
      fireEvent.click(ad.querySelector('button')!);
    });
    const view = EditorView.findFromDOM(editorContent('en'))!;
    const { from, to } = view.state.selection.main;
    expect(view.state.sliceDoc(from, to).toLowerCase()).toContain('coupon');
  });

  it('deletes a disclosure from the list', async () => {
    let created!: Disclosure;
    const backend = await mountPage('en', async (api) => {
      created = await api['disclosures:create']({ surface: 'install' });
    });
    const row = (await screen.findByRole('button', { name: created.title })).closest('tr')!;
    const confirm = window.confirm;
    window.confirm = () => true;
    try {
      fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
      await waitFor(() => expect(screen.queryByRole('button', { name: created.title })).toBeNull());
    } finally {
      window.confirm = confirm;
    }
    await expect(backend.api['disclosures:list']({})).resolves.toEqual([]);
  });

  it('moves a draft to review from the status control’s confirm form, asking the submitter’s name, and shows the new badge', async () => {
    let created!: Disclosure;
    const backend = await mountPage('en', async (api) => {
      created = await api['disclosures:create']({ surface: 'alimtalk' });
    });
    fireEvent.click(await screen.findByRole('button', { name: created.title }));
    const submit = await screen.findByRole('button', { name: 'Submit for review' }, { timeout: 10_000 });
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    fireEvent.click(submit);
    const form = await screen.findByTestId('status-form');
    fireEvent.change(within(form).getByRole('textbox', { name: 'Your name' }), { target: { value: 'Kim Minji' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Submit for review' }));
    await waitFor(() => expect(document.querySelector('.st-header .st-status')!.getAttribute('data-status')).toBe('in-review'));
    await expect(backend.api['disclosures:get']({ id: created.id })).resolves.toMatchObject({ status: 'in-review' });
    await expect(backend.api['review:versions']({ id: created.id })).resolves.toMatchObject([{ number: 1, author: 'Kim Minji' }]);
    expect(EditorView.findFromDOM(editorContent('en'))!.state.readOnly).toBe(true);
  });

  it('opens an approved disclosure read-only: the approved text cannot be edited', async () => {
    let created!: Disclosure;
    await mountPage('en', async (api) => {
      created = await api['disclosures:create']({ surface: 'alimtalk' });
      await api['disclosures:setStatus']({ id: created.id, status: 'in-review', actor: 'Kim Minji' });
      await api['disclosures:setStatus']({ id: created.id, status: 'approved', actor: 'Kim Minji' });
    });
    fireEvent.click(await screen.findByRole('button', { name: created.title }));
    await screen.findByTestId('checks-en', {}, { timeout: 10_000 });
    const view = EditorView.findFromDOM(editorContent('ko'))!;
    expect(view.state.readOnly).toBe(true);
    expect(screen.getByRole('button', { name: 'B Bold' })).toHaveProperty('disabled', true);
  });
});
