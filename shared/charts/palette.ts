/**
 * Series colours: a colour-blind-safe qualitative palette (Okabe–Ito order, adjusted for contrast on
 * white and on the dark surface), and fixed colours for message statuses so that "blocked" is the
 * same red on every chart.
 */

export type ThemeName = 'light' | 'dark';

const SERIES: Record<ThemeName, readonly string[]> = {
  light: ['#2f5bd3', '#e07b00', '#139b74', '#c2417a', '#7a5bd3', '#5a8f00', '#b8860b', '#0089b3', '#8a8f98'],
  dark: ['#7ea2ff', '#ffae4d', '#3fd0a4', '#ff7fb6', '#b79bff', '#9dd35a', '#f2c94c', '#4fc6ef', '#a2a9b4'],
};

const STATUS: Record<ThemeName, Record<string, string>> = {
  light: { delivered: '#2f5bd3', sent: '#6f8fe6', failed: '#8a8f98', blocked: '#b42318', fallback_sms: '#e07b00' },
  dark: { delivered: '#7ea2ff', sent: '#b3c7ff', failed: '#6b727d', blocked: '#ff8a80', fallback_sms: '#ffae4d' },
};

/** The colour of the i-th series (cycling). The "other" series is always the last, neutral colour. */
export function seriesColor(index: number, theme: ThemeName = 'light', isOther = false): string {
  const colors = SERIES[theme];
  if (isOther) return colors[colors.length - 1]!;
  return colors[index % (colors.length - 1)]!;
}

/** The fixed colour of a message status, or a series colour for an unknown status. */
export function statusColor(status: string, index: number, theme: ThemeName = 'light'): string {
  return STATUS[theme][status] ?? seriesColor(index, theme);
}
