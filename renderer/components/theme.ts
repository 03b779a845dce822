import { useEffect, useState } from 'react';
import type { ThemeChoice } from '../../shared/contract/settings.ts';

/** The theme actually shown. */
export type ResolvedTheme = 'light' | 'dark';

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Resolves a theme choice against the operating system's preference. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): ResolvedTheme {
  if (choice === 'light' || choice === 'dark') return choice;
  return prefersDark ? 'dark' : 'light';
}

/**
 * Applies the theme to <html>: `data-theme` is always the resolved `light` or `dark` (so CSS and
 * charts need one selector) and `data-theme-choice` keeps the user's choice. Follows OS changes
 * while the choice is `system`. Returns the resolved theme.
 */
export function useApplyTheme(choice: ThemeChoice): ResolvedTheme {
  const [prefersDark, setPrefersDark] = useState(systemPrefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setPrefersDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const resolved = resolveTheme(choice, prefersDark);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = resolved;
    root.dataset.themeChoice = choice;
  }, [resolved, choice]);
  return resolved;
}

