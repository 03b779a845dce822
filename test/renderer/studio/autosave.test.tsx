import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, useAutosave } from '../../../renderer/components/studio/use-autosave.ts';
import { CHECK_DEBOUNCE_MS, useDebounced } from '../../../renderer/components/studio/use-live-check.ts';
import type { InputOf } from '../../../shared/contract/index.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const saves: InputOf<'disclosures:update'>[] = [];
  let composing = false;
  let version = 3;
  const hook = renderHook(() =>
    useAutosave({
      id: 7,
      version: 3,
      save: async (input) => {
        saves.push(input);
        version += 1;
        return { id: 7, updatedAt: 1, version };
      },
      composing: () => composing,
    }),
  );
  return { hook, saves, setComposing: (v: boolean) => (composing = v) };
}

describe('autosave', () => {
  it('saves once after a pause, merging the changes, with the expected version', async () => {
    const { hook, saves } = setup();
    act(() => hook.result.current.change({ koText: '가' }));
    act(() => hook.result.current.change({ koText: '가나', title: '안내' }));
    expect(hook.result.current.state).toBe('unsaved');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    });
    expect(saves).toEqual([{ id: 7, koText: '가나', title: '안내', expectedVersion: 3 }]);
    expect(hook.result.current.state).toBe('saved');
    act(() => hook.result.current.change({ enText: 'a' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    });
    expect(saves[1]).toEqual({ id: 7, enText: 'a', expectedVersion: 4 });
  });

  it('does not save (or re-render) while an IME composition is in progress, and saves after it ends', async () => {
    const { hook, saves, setComposing } = setup();
    act(() => hook.result.current.change({ koText: '수신 거' }));
    setComposing(true);
    const renders = { before: hook.result.current };
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 10);
    });
    expect(saves).toEqual([]);
    expect(hook.result.current).toBe(renders.before);
    setComposing(false);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    });
    expect(saves).toEqual([{ id: 7, koText: '수신 거', expectedVersion: 3 }]);
  });

  it('keeps the changes and reports the error when a save fails', async () => {
    const saves: unknown[] = [];
    const hook = renderHook(() =>
      useAutosave({
        id: 1,
        version: 1,
        save: async (input) => {
          saves.push(input);
          throw new Error('"안내" was changed elsewhere');
        },
        composing: () => false,
      }),
    );
    act(() => hook.result.current.change({ koText: '본문' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    });
    expect(hook.result.current.state).toBe('error');
    expect(hook.result.current.error).toContain('changed elsewhere');
    await act(async () => {
      await hook.result.current.flush();
    });
    expect(saves).toHaveLength(2);
    expect(saves[1]).toEqual({ id: 1, koText: '본문', expectedVersion: 1 });
  });
});

describe('the live-check debounce', () => {
  it('hands the new text to the checks after 150 ms, but not while a composition is in progress', async () => {
    let composing = true;
    const hook = renderHook(({ text }) => useDebounced(text, CHECK_DEBOUNCE_MS, () => composing), { initialProps: { text: '수' } });
    hook.rerender({ text: '수신' });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS * 10);
    });
    expect(hook.result.current).toBe('수');
    composing = false;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    });
    expect(hook.result.current).toBe('수신');
  });
});
