import type { CSSProperties, ReactNode } from 'react';

/** How a preview is shown: phone width in CSS px, light or dark, and the system font scale. */
export interface PreviewSettings {
  width: number;
  theme: 'light' | 'dark';
  fontScale: number;
}

/**
 * A phone screen of the given width: its own light/dark palette (independent of the app's theme)
 * and its own base font size (16 px × font scale), so previews reflect what the user's phone shows.
 */
export function PhoneFrame(props: {
  settings: PreviewSettings;
  surface: string;
  lang: string;
  label: string;
  children: ReactNode;
  statusTime?: string;
  variant?: 'app' | 'lock';
}) {
  const { settings } = props;
  const style = { width: `${settings.width}px`, '--pv-scale': String(settings.fontScale) } as CSSProperties;
  return (
    <figure
      className={`pv-phone pv-${props.variant ?? 'app'}`}
      data-pv-theme={settings.theme}
      data-surface={props.surface}
      lang={props.lang}
      style={style}
      aria-label={props.label}
    >
      <div className="pv-statusbar" aria-hidden="true">
        <span>{props.statusTime ?? '9:41'}</span>
        <span className="pv-status-icons">
          <span className="pv-signal" />
          <span className="pv-battery" />
        </span>
      </div>
      <div className="pv-screen">{props.children}</div>
    </figure>
  );
}
