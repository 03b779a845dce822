import { describe, expect, it } from 'vitest';
import { tabForKey } from '../../renderer/components/tab-keys.ts';

describe('tabForKey (the review tabs and the evidence dialog)', () => {
  const tabs = ['checks', 'threads', 'compare', 'history'] as const;
  it('moves with the arrows, wrapping at both ends, and jumps with Home and End', () => {
    expect(tabForKey(tabs, 'checks', 'ArrowRight')).toBe('threads');
    expect(tabForKey(tabs, 'history', 'ArrowRight')).toBe('checks');
    expect(tabForKey(tabs, 'checks', 'ArrowLeft')).toBe('history');
    expect(tabForKey(tabs, 'compare', 'Home')).toBe('checks');
    expect(tabForKey(tabs, 'threads', 'End')).toBe('history');
  });
  it('ignores every other key', () => {
    expect(tabForKey(tabs, 'checks', 'Enter')).toBeUndefined();
    expect(tabForKey(tabs, 'checks', 'ArrowDown')).toBeUndefined();
  });
});
