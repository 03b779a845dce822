import { useRef, useState } from 'react';
import type { DocumentNode } from '../../../shared/disclosures/markdown.ts';
import { toPlainText } from '../../../shared/disclosures/plain-text.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { translate } from '../../i18n/translate.ts';
import { PREVIEW_LIMITS } from './limits.ts';
import { documentLinks, MarkdownView } from './MarkdownView.tsx';
import type { PreviewSettings } from './PhoneFrame.tsx';
import { elementToPng } from './png-export.ts';
import { AlimtalkPreview, InstallPreview, LockScreenPreview, SettingsPreview, type SurfaceProps } from './surfaces.tsx';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import './previews.css';

/** The preview surfaces, in tab order. */
export const PREVIEW_TABS = ['alimtalk', 'ios', 'android', 'install', 'settings'] as const;
export type PreviewTab = (typeof PREVIEW_TABS)[number];

/** One language's text, ready to preview. */
export interface PreviewText {
  doc: DocumentNode;
  variables: Record<string, string>;
}

/** Renders one preview surface for one language's text. */
export function PreviewSurface(props: { tab: PreviewTab; text: PreviewText; locale: 'ko' | 'en'; title: string; settings: PreviewSettings }) {
  const { doc, variables } = props.text;
  const sender = variables['sender_name'] ?? '';
  const common: SurfaceProps = {
    settings: props.settings,
    locale: props.locale,
    sender,
    // A text that opens with its own heading carries its title; don't show the title twice.
    title: doc.children[0]?.type === 'heading' ? '' : props.title,
    body: <MarkdownView doc={doc} variables={variables} linkTitle={translate(props.locale, 'disclosures.phone.linkDisabled')} />,
    plain: toPlainText(doc, variables).text,
    links: documentLinks(doc, variables),
    label: translate(props.locale, `disclosures.preview.tab.${props.tab}`),
  };
  switch (props.tab) {
    case 'alimtalk':
      return <AlimtalkPreview {...common} />;
    case 'ios':
      return <LockScreenPreview {...common} platform="ios" />;
    case 'android':
      return <LockScreenPreview {...common} platform="android" />;
    case 'install':
      return <InstallPreview {...common} />;
    case 'settings':
      return <SettingsPreview {...common} />;
  }
}

/** The preview panel: surface tabs, language, phone width, light/dark, font scale, PNG export. */
export function PreviewPanel(props: {
  texts: Record<'ko' | 'en', PreviewText>;
  titles: Record<'ko' | 'en', string>;
  initialTab: PreviewTab;
  settings: PreviewSettings;
  onSettings(next: PreviewSettings): void;
  onSavePng(blob: Blob, name: string): void;
}) {
  const { t, locale: appLocale } = useI18n();
  const [tab, setTab] = useState<PreviewTab>(props.initialTab);
  const [lang, setLang] = useState<'ko' | 'en'>(appLocale);
  const [busy, setBusy] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const allStage = useRef<HTMLDivElement>(null);
  const [renderAll, setRenderAll] = useState(false);
  const { settings } = props;

  const saveCurrent = async () => {
    const el = stage.current?.querySelector<HTMLElement>('.pv-phone');
    if (!el) return;
    setBusy(true);
    try {
      const png = await elementToPng(el);
      props.onSavePng(png.blob, `preview-${tab}-${lang}-${settings.theme}.png`);
    } finally {
      setBusy(false);
    }
  };
  const saveAll = async () => {
    setBusy(true);
    setRenderAll(true);
    try {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (const el of Array.from(allStage.current?.querySelectorAll<HTMLElement>('.pv-phone') ?? [])) {
        const png = await elementToPng(el);
        props.onSavePng(png.blob, `preview-${el.dataset.surface}-${el.lang}-${settings.theme}.png`);
      }
    } finally {
      setRenderAll(false);
      setBusy(false);
    }
  };

  return (
    <section className="pv-panel" aria-label={t('disclosures.preview.heading')}>
      <div className="pv-tabs" role="tablist" aria-label={t('disclosures.preview.surfaces')}>
        {PREVIEW_TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)} data-tab={id}>
            {t(`disclosures.preview.tab.${id}`)}
          </button>
        ))}
      </div>
      <div className="pv-controls">
        <div className="pv-seg" role="group" aria-label={t('disclosures.preview.language')}>
          {(['ko', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} data-lang={l}>
              {t(`disclosures.editor.${l}`)}
            </button>
          ))}
        </div>
        <div className="pv-seg" role="group" aria-label={t('disclosures.preview.theme')}>
          {(['light', 'dark'] as const).map((th) => (
            <button key={th} type="button" aria-pressed={settings.theme === th} onClick={() => props.onSettings({ ...settings, theme: th })} data-theme-choice={th}>
              {t(`disclosures.preview.${th}`)}
            </button>
          ))}
        </div>
        <label className="pv-range">
          <span>{t('disclosures.preview.width', { width: settings.width })}</span>
          <input
            type="range"
            min={PREVIEW_LIMITS.minWidth}
            max={PREVIEW_LIMITS.maxWidth}
            step={1}
            value={settings.width}
            onChange={(e) => props.onSettings({ ...settings, width: Number(e.target.value) })}
            aria-label={t('disclosures.preview.width', { width: settings.width })}
          />
        </label>
        <label className="pv-range">
          <span>{t('disclosures.preview.fontScale', { scale: Math.round(settings.fontScale * 100) })}</span>
          <input
            type="range"
            min={PREVIEW_LIMITS.minFontScale * 100}
            max={PREVIEW_LIMITS.maxFontScale * 100}
            step={10}
            value={Math.round(settings.fontScale * 100)}
            onChange={(e) => props.onSettings({ ...settings, fontScale: Number(e.target.value) / 100 })}
            aria-label={t('disclosures.preview.fontScale', { scale: Math.round(settings.fontScale * 100) })}
          />
        </label>
      </div>
      <div className="pv-stage" ref={stage} data-testid="preview-stage">
        <PreviewSurface tab={tab} text={props.texts[lang]} locale={lang} title={props.titles[lang]} settings={settings} />
      </div>
      <p className="muted pv-note">{t('disclosures.preview.limitsNote')}</p>
      <div className="pv-actions">
        <button type="button" onClick={() => void saveCurrent()} disabled={busy}>
          {t('disclosures.preview.exportPng')}
        </button>
        <button type="button" onClick={() => void saveAll()} disabled={busy}>
          {t('disclosures.preview.exportAllPng')}
        </button>
      </div>
      {renderAll ? (
        <div className="pv-offstage" ref={allStage} aria-hidden="true">
          {(['ko', 'en'] as const).flatMap((l) =>
            PREVIEW_TABS.map((id) => <PreviewSurface key={`${l}-${id}`} tab={id} text={props.texts[l]} locale={l} title={props.titles[l]} settings={settings} />),
          )}
        </div>
      ) : null}
    </section>
  );
}
