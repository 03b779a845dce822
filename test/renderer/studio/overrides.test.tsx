import { EditorView } from '@codemirror/view';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract/index.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import { setBridge } from '../../../renderer/data/api.ts';
import { evidenceRanges } from '../../../renderer/components/studio/evidence-highlight.ts';
import { NO_CHARGES, QUOTE, ruledPresent } from '../../fixtures/disclosures/no-charges.ts';
import { installLayoutStubs } from './jsdom-setup.ts';
import { editorContent, mountPage } from './mount.tsx';

beforeAll(installLayoutStubs);
afterEach(() => {
  cleanup();
  setBridge(null);
});

async function openStudio(seed: (api: Api) => Promise<Disclosure>, locale: 'ko' | 'en' = 'en') {
  let created!: Disclosure;
  const backend = await mountPage(locale, async (api) => {
    created = await seed(api);
  });
  fireEvent.click(await screen.findByRole('button', { name: created.title }));
  const panel = await screen.findByTestId(`checks-${locale === 'ko' ? 'ko' : 'en'}`, {}, { timeout: 10_000 });
  const checksEn = locale === 'en' ? panel : await screen.findByTestId('checks-en');
  return { backend, created, checksEn };
}

async function item(panel: HTMLElement, rule: string, state?: string): Promise<HTMLElement> {
  return waitFor(() => {
    const li = panel.querySelector<HTMLElement>(`li[data-rule="${rule}"]${state ? `[data-state="${state}"]` : ''}`);
    expect(li).not.toBeNull();
    return li!;
  });
}

const missingCharges = async (api: Api) => {
  const d = await api['disclosures:create']({ surface: 'alimtalk' });
  await api['disclosures:update']({ id: d.id, enText: NO_CHARGES });
  return d;
};

describe('the checklist shows its evidence and takes a reviewer’s overrule', () => {
  it('quotes the sentence that satisfied each present element and highlights it in the editor on hover and on focus', async () => {
    const { created, checksEn } = await openStudio((api) => api['disclosures:create']({ surface: 'alimtalk' }));
    const refuse = await item(checksEn, 'how-to-refuse', 'present');
    const quote = within(refuse).getByTestId('evidence').textContent!;
    expect(quote.length).toBeGreaterThan(10);
    const view = EditorView.findFromDOM(editorContent('en'))!;
    expect(evidenceRanges(view)).toEqual([]);
    fireEvent.mouseEnter(refuse);
    const [range] = evidenceRanges(view);
    expect(range).toBeDefined();
    const highlighted = view.state.sliceDoc(range!.from, range!.to);
    expect(created.enText).toContain(highlighted);
    expect(highlighted.replace(/\*\*/g, '')).toContain(quote.replace(/…$/, '').slice(0, 20));
    expect(editorContent('en').querySelector('.cm-evidence')).not.toBeNull();
    fireEvent.mouseLeave(refuse);
    expect(evidenceRanges(view)).toEqual([]);
    // Keyboard: focusing the item's button does what hovering does; leaving the item clears it.
    act(() => within(refuse).getAllByRole('button')[0]!.focus());
    expect(evidenceRanges(view)).toEqual([range]);
    act(() => (document.activeElement as HTMLElement).blur());
    expect(evidenceRanges(view)).toEqual([]);
    // The Korean editor highlights its own sentence.
    const refuseKo = await item(screen.getByTestId('checks-ko'), 'how-to-refuse', 'present');
    fireEvent.mouseEnter(refuseKo);
    expect(evidenceRanges(EditorView.findFromDOM(editorContent('ko'))!)).toHaveLength(1);
  });

  it('marks a missing element present at the words selected in the editor, asking for the reviewer’s name and keeping it in Settings', async () => {
    const { backend, created, checksEn } = await openStudio(missingCharges);
    const row = await item(checksEn, 'data-charges', 'missing');
    expect(checksEn.querySelectorAll('.st-findings li[data-rule="data-charges"]')).toHaveLength(1);
    const view = EditorView.findFromDOM(editorContent('en'))!;
    const at = NO_CHARGES.indexOf(QUOTE);
    act(() => view.dispatch({ selection: { anchor: at, head: at + QUOTE.length } }));
    fireEvent.click(within(row).getByRole('button', { name: 'Present, here…' }));
    const form = within(row).getByTestId('overrule-form');
    expect(within(form).getByRole('combobox').textContent).toContain(`Selected in the editor: “${QUOTE}”`);
    const save = within(form).getByRole('button', { name: 'Overrule' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(within(form).getByRole('textbox', { name: 'Why these words state it' }), { target: { value: 'Says it costs like any message.' } });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(within(form).getByRole('textbox', { name: 'Your name, as the reviewer' }), { target: { value: 'Kim Legal' } });
    fireEvent.click(save);
    const ruled = await item(checksEn, 'data-charges', 'present');
    expect(ruled.getAttribute('data-override')).toBe('present');
    expect(ruled.getAttribute('data-engine')).toBe('missing');
    expect(ruled.textContent).toContain('Overruled by Kim Legal: Says it costs like any message.');
    expect(ruled.textContent).toContain('the checks alone: Missing');
    expect(within(ruled).getByTestId('evidence').textContent).toBe(QUOTE);
    await waitFor(() => expect(checksEn.querySelectorAll('.st-findings li[data-rule="data-charges"]')).toHaveLength(0));
    const [stored] = await backend.api['disclosures:overrides']({ id: created.id });
    expect(stored).toMatchObject({ verdict: 'present', reviewer: 'Kim Legal', evidence: { start: at, quote: QUOTE } });
    expect((await backend.api['settings:get']({})).reviewerName).toBe('Kim Legal');
  });

  it('marks a present element not sufficient with the name from Settings, and the suggestion comes back', async () => {
    const { backend, created, checksEn } = await openStudio(async (api) => {
      await api['settings:set']({ reviewerName: '김법무' });
      return api['disclosures:create']({ surface: 'alimtalk' });
    });
    const row = await item(checksEn, 'how-to-refuse', 'present');
    fireEvent.click(within(row).getByRole('button', { name: 'Not sufficient…' }));
    // Focus moves into the form; Escape closes it, and it opens again.
    expect(document.activeElement?.tagName).toBe('TEXTAREA');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(within(row).queryByTestId('overrule-form')).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Not sufficient…' }));
    const form = within(row).getByTestId('overrule-form');
    expect(form.textContent).toContain('The checks took this as the evidence');
    expect(within(form).queryByRole('textbox', { name: 'Your name, as the reviewer' })).toBeNull();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Why it is not sufficient' }), { target: { value: 'No path on iOS.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Overrule' }));
    const ruled = await item(checksEn, 'how-to-refuse', 'missing');
    expect(ruled.getAttribute('data-override')).toBe('insufficient');
    expect(ruled.textContent).toContain('Overruled by 김법무: No path on iOS.');
    expect(ruled.textContent).toContain('the checks alone: Present');
    expect(within(ruled).getByRole('button', { name: 'Insert suggestion' })).toBeTruthy();
    expect(await backend.api['disclosures:overrides']({ id: created.id })).toHaveLength(1);
  });

  it('withdraws an override: the checks’ verdict is back and the override stays on record as withdrawn', async () => {
    const { backend, created, checksEn } = await openStudio(async (api) => {
      await api['settings:set']({ reviewerName: 'Park' });
      const d = await missingCharges(api);
      await api['disclosures:overrule'](ruledPresent(d.id, { reason: 'ok', reviewer: 'Kim' }));
      return d;
    });
    const row = await item(checksEn, 'data-charges', 'present');
    fireEvent.click(within(row).getByRole('button', { name: 'Withdraw' }));
    const back = await item(checksEn, 'data-charges', 'missing');
    expect(back.getAttribute('data-override')).toBeNull();
    expect(within(back).getByRole('button', { name: 'Present, here…' })).toBeTruthy();
    const [withdrawn] = await backend.api['disclosures:overrides']({ id: created.id, withdrawn: true });
    expect(withdrawn).toMatchObject({ withdrawnBy: 'Park' });
    expect(withdrawn!.withdrawnAt).not.toBeNull();
  });

  it('flags an override whose quote was edited away as stale, in Korean, and the checks’ verdict counts', async () => {
    const { checksEn } = await openStudio(async (api) => {
      const d = await missingCharges(api);
      await api['disclosures:overrule'](ruledPresent(d.id, { reason: '요금 안내로 충분', reviewer: '김법무' }));
      await api['disclosures:update']({ id: d.id, enText: NO_CHARGES.replace(QUOTE, 'They arrive in the chat app.') });
      return d;
    }, 'ko');
    const row = await item(checksEn, 'data-charges', 'missing');
    expect(row.getAttribute('data-stale')).toBe('true');
    expect(row.textContent).toContain('김법무 님의 판정: 요금 안내로 충분');
    expect(row.textContent).toContain('근거 문구가 본문에서 사라져');
    expect(within(row).getByRole('button', { name: '철회' })).toBeTruthy();
    expect(screen.getByTestId('status-gate').textContent).toContain('필수 항목 1개가 빠져 있습니다');
  });

  it('offers the sentences instead of a selection too long to quote', async () => {
    const long = `${NO_CHARGES}\n\n${'Filler words that go on. '.repeat(90)}`;
    const { checksEn } = await openStudio(async (api) => {
      const d = await api['disclosures:create']({ surface: 'alimtalk' });
      await api['disclosures:update']({ id: d.id, enText: long });
      return d;
    });
    const row = await item(checksEn, 'data-charges', 'missing');
    const view = EditorView.findFromDOM(editorContent('en'))!;
    act(() => view.dispatch({ selection: { anchor: 0, head: long.length } }));
    fireEvent.click(within(row).getByRole('button', { name: 'Present, here…' }));
    const form = within(row).getByTestId('overrule-form');
    expect(form.textContent).toContain('The selection is longer than 2000 characters');
    const options = within(form).getAllByRole('option');
    expect(options[0]!.textContent).not.toContain('Selected in the editor');
    expect(options.some((o) => o.textContent === `“${QUOTE}”`)).toBe(true);
  });

  it('lists each disclosure with its required elements in effect, counting a reviewer’s ruling', async () => {
    const backend = await mountPage('en', async (api) => {
      await missingCharges(api);
      await api['disclosures:create']({ surface: 'install', title: 'Complete one' });
      const r = await api['disclosures:create']({ surface: 'alimtalk', title: 'Ruled one' });
      await api['disclosures:update']({ id: r.id, enText: NO_CHARGES });
      await api['disclosures:overrule'](ruledPresent(r.id));
    });
    const cell = async (title: string) => {
      const row = (await screen.findByRole('button', { name: title })).closest('tr')!;
      return within(row).getByTestId('list-checklist').textContent;
    };
    const titled = (await backend.api['disclosures:list']({})).find((r) => r.checklist.missing === 1)!;
    expect(await cell(titled.title)).toBe('1 missing');
    expect(await cell('Complete one')).toBe('All present');
    expect(await cell('Ruled one')).toBe('All present · ⚖ 1 ruled by a reviewer');
  });

  it('shows the server’s refusal in the form when the text changed under the selection', async () => {
    const { backend, created, checksEn } = await openStudio(async (api) => {
      await api['settings:set']({ reviewerName: 'Kim' });
      return missingCharges(api);
    });
    const row = await item(checksEn, 'data-charges', 'missing');
    fireEvent.click(within(row).getByRole('button', { name: 'Present, here…' }));
    const form = within(row).getByTestId('overrule-form');
    // Someone else saves another text meanwhile: the chosen sentence is no longer where it was.
    await backend.api['disclosures:update']({ id: created.id, enText: `Intro.\n\n${NO_CHARGES}` });
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: 'reason' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Overrule' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/changed elsewhere|no longer reads/);
    expect(await backend.api['disclosures:overrides']({ id: created.id })).toEqual([]);
  });
});
