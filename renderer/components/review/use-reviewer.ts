import { useCallback } from 'react';
import { useSaveSettings, useSettings } from '../../data/app-hooks.ts';

/**
 * The person doing a review step: Settings' reviewer name (trimmed; empty when not set), and
 * `remember(name)`, which saves a name typed into a form to Settings when none was set, so the
 * next step does not ask again (the pattern of the checklist's overrule form). `ready` once Settings
 * were read: a step started before would not know the name.
 */
export function useReviewer(): { name: string; ready: boolean; remember(name: string): void } {
  const settings = useSettings();
  const save = useSaveSettings();
  const name = settings.data?.reviewerName.trim() ?? '';
  const { mutate } = save;
  const remember = useCallback(
    (typed: string) => {
      const next = typed.trim();
      if (next && next !== name) mutate({ reviewerName: next });
    },
    [mutate, name],
  );
  return { name, ready: settings.data !== undefined || settings.isError, remember };
}
