import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ComparisonBody, CompareView } from '../../../renderer/components/review/CompareView.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { fakeBridge, renderWith } from './fake-bridge.tsx';
import { COMPARISON, VERSIONS } from './fixtures.ts';

afterEach(() => {
  cleanup();
  setBridge(null);
});

describe('the compare view', () => {
  it('flags in Korean that recipients may need to be asked again, naming the element and language', () => {
    renderWith(fakeBridge({}), <ComparisonBody comparison={COMPARISON} />, 'ko');
    const flag = screen.getByRole('alert');
    expect(flag.textContent).toContain('수신자에게 다시 동의를 받아야 할 수 있습니다');
    expect(flag.textContent).toContain('데이터 요금과 금액');
    expect(flag.textContent).toContain('한국어');
  });

  it('flags it in English too, and not at all when nothing substantive changed', () => {
    renderWith(fakeBridge({}), <ComparisonBody comparison={COMPARISON} />, 'en');
    expect(screen.getByTestId('ask-again').textContent).toContain('Recipients may need to be asked again');
    cleanup();
    renderWith(fakeBridge({}), <ComparisonBody comparison={{ ...COMPARISON, askAgain: false, askAgainElements: [] }} />, 'en');
    expect(screen.queryByTestId('ask-again')).toBeNull();
  });

  it('shows the removed words struck out on the older side and the added words inserted on the newer, per locale', () => {
    renderWith(fakeBridge({}), <ComparisonBody comparison={COMPARISON} />, 'en');
    const ko = screen.getByTestId('diff-ko');
    const [before, after] = within(ko).getAllByRole('document');
    expect(before!.querySelector('del')!.textContent).toBe('듭니다');
    expect(before!.querySelector('ins')).toBeNull();
    expect(after!.querySelector('ins')!.textContent).toBe('들 수 있습니다');
    expect(after!.querySelector('del')).toBeNull();
    expect(before!.querySelector('del')!.getAttribute('data-label')).toBe('removed: ');
    expect(after!.textContent).toBe('알림톡을 받으면 데이터 요금이 들 수 있습니다. 와이파이로 받으면 요금이 들지 않습니다.');
    expect(screen.getByTestId('diff-en').textContent).toContain('No change in this text.');
  });

  it('lists the changed elements as substantive or wording only, and the findings that went away', () => {
    renderWith(fakeBridge({}), <ComparisonBody comparison={COMPARISON} />, 'en');
    const rows = within(screen.getByTestId('element-changes')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Data charges and how much');
    expect(rows[0]!.textContent).toContain('Substantive');
    expect(screen.getByText('1 unchanged')).toBeTruthy();
    expect(screen.getByText('문장이 깁니다').closest('li')!.getAttribute('data-change')).toBe('gone');
  });

  it('compares the version before the latest with the latest by default', async () => {
    const bridge = fakeBridge({ 'review:compare': () => COMPARISON });
    renderWith(bridge, <CompareView id={7} versions={VERSIONS} />, 'ko');
    await screen.findByTestId('ask-again');
    expect(bridge.inputs('review:compare')).toEqual([{ id: 7, from: 1, to: 2 }]);
  });

  it('asks for a second version when there is one', () => {
    renderWith(fakeBridge({}), <CompareView id={7} versions={VERSIONS.slice(0, 1)} />, 'en');
    expect(screen.getByText(/Two versions are needed/)).toBeTruthy();
  });
});
