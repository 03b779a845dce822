// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { MultiPick } from '../../../renderer/components/filters/MultiPick.tsx';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider.tsx';

afterEach(cleanup);

function Lists() {
  const [senders, setSenders] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  return (
    <I18nProvider locale="en" timeZone="Asia/Seoul">
      <MultiPick label="Senders" allLabel="All senders" options={[{ key: 'shop-hanbit', count: 7 }, { key: 'deli-express', count: 3 }]} selected={senders} onChange={setSenders} />
      <MultiPick label="Categories" allLabel="All categories" options={[{ key: '배송', count: 6 }]} selected={categories} onChange={setCategories} />
      <button type="button">Elsewhere</button>
    </I18nProvider>
  );
}

function pick(label: string): HTMLDetailsElement {
  return screen.getByText(label, { selector: '.filter-label' }).closest('details') as HTMLDetailsElement;
}

async function openList(label: string): Promise<HTMLDetailsElement> {
  const details = pick(label);
  fireEvent.click(details.querySelector('summary')!);
  await waitFor(() => expect(details.open).toBe(true));
  return details;
}

describe('the Senders and Categories filter lists', () => {
  it('close on Escape and give focus back to the button that opened them', async () => {
    render(<Lists />);
    const senders = await openList('Senders');
    const box = screen.getByRole('checkbox', { name: /shop-hanbit/ });
    box.focus();
    fireEvent.click(box);
    expect(senders.open).toBe(true);
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(senders.open).toBe(false));
    expect(document.activeElement).toBe(senders.querySelector('summary'));
    expect(senders.querySelector('summary')!.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('shop-hanbit', { selector: '.filter-value' })).toBeTruthy();
  });

  it('close on a click outside, leaving focus where the user clicked', async () => {
    render(<Lists />);
    const senders = await openList('Senders');
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => {
      fireEvent.pointerDown(elsewhere);
      elsewhere.focus();
    });
    await waitFor(() => expect(senders.open).toBe(false));
    expect(document.activeElement).toBe(elsewhere);
  });

  it('close when another list opens, and stay open for clicks inside', async () => {
    render(<Lists />);
    const senders = await openList('Senders');
    fireEvent.pointerDown(screen.getByRole('checkbox', { name: /deli-express/ }));
    expect(senders.open).toBe(true);
    const categories = pick('Categories');
    fireEvent.pointerDown(categories.querySelector('summary')!);
    fireEvent.click(categories.querySelector('summary')!);
    await waitFor(() => expect(categories.open).toBe(true));
    expect(senders.open).toBe(false);
  });
});
