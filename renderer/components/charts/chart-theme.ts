import { useEffect, useState } from 'react';
import type { ThemeName } from '../../../shared/charts/palette.ts';

/** Colours and font a chart needs in JavaScript (recharts props, SVG export). */
export interface ChartTheme {
  name: ThemeName;
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  danger: string;
  /** The font family to inline into exported SVG (Korean fonts first, so Hangul renders). */
  fontFamily: string;
}

/** Named CJK fonts first: an exported SVG has no page CSS and must find a Hangul font by name. */
export const EXPORT_FONT_FAMILY =
  "'Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Pretendard', system-ui, sans-serif";

function readVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v || fallback;
}

/** Reads the design system's CSS variables from <html> (light fallbacks when absent, e.g. in jsdom). */
export function readChartTheme(): ChartTheme {
  const root = document.documentElement;
  const style = getComputedStyle(root);
  const name: ThemeName = root.dataset.theme === 'dark' ? 'dark' : 'light';
  const dark = name === 'dark';
  const family = style.fontFamily?.trim();
  return {
    name,
    text: readVar(style, '--text', dark ? '#e8eaed' : '#1b1f24'),
    muted: readVar(style, '--muted', dark ? '#a2a9b4' : '#5a6270'),
    border: readVar(style, '--border', dark ? '#2e343d' : '#d9dde3'),
    surface: readVar(style, '--surface', dark ? '#1a1e24' : '#ffffff'),
    accent: readVar(style, '--accent', dark ? '#7ea2ff' : '#2f5bd3'),
    danger: readVar(style, '--danger', dark ? '#ff8a80' : '#b42318'),
    fontFamily: family ? `${family}, ${EXPORT_FONT_FAMILY}` : EXPORT_FONT_FAMILY,
  };
}

/** The current chart theme, updated when <html data-theme> changes. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readChartTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(readChartTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'style', 'class'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
