import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../shared/contract/index.ts';
import type { DisclosureSaved } from '../../../shared/contract/disclosures.ts';

/** How long editing must pause before an autosave. */
export const AUTOSAVE_DELAY_MS = 700;

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

type Patch = Omit<InputOf<'disclosures:update'>, 'id' | 'expectedVersion'>;

/**
 * Debounced autosave through `disclosures:update`. Changes are merged into one pending patch; the
 * save waits while `composing()` is true (a Korean syllable being typed), so neither the request
 * nor the re-render of the "saving" indicator lands mid-composition.
 */
export function useAutosave(options: {
  id: number;
  version: number;
  save(input: InputOf<'disclosures:update'>): Promise<DisclosureSaved>;
  composing(): boolean;
}) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Patch>({});
  const version = useRef(options.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) await inflight.current;
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    setState('saving');
    const run = opts.current
      .save({ id: opts.current.id, ...patch, expectedVersion: version.current })
      .then((saved) => {
        version.current = saved.version;
        setError(null);
        setState(Object.keys(pending.current).length ? 'unsaved' : 'saved');
      })
      .catch((e: unknown) => {
        pending.current = { ...patch, ...pending.current };
        setError(e instanceof Error ? e.message : String(e));
        setState('error');
      })
      .finally(() => {
        inflight.current = null;
      });
    inflight.current = run;
    await run;
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(function tick() {
      if (opts.current.composing()) {
        timer.current = setTimeout(tick, AUTOSAVE_DELAY_MS);
        return;
      }
      void flush();
    }, AUTOSAVE_DELAY_MS);
  }, [flush]);

  /** Records a change and (re)starts the autosave timer. */
  const change = useCallback(
    (patch: Patch) => {
      pending.current = { ...pending.current, ...patch };
      setState((s) => (s === 'unsaved' ? s : 'unsaved'));
      schedule();
    },
    [schedule],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (Object.keys(pending.current).length) void flush();
    },
    [flush],
  );

  return { state, error, change, flush };
}
