import type { ReactNode } from 'react';
import type { Locale } from '../../../shared/contract/settings.ts';
import { translate } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/types.ts';
import { countChars, PREVIEW_LIMITS } from './limits.ts';
import { PhoneFrame, type PreviewSettings } from './PhoneFrame.tsx';

/** A link found in the text: becomes an AlimTalk button. */
export interface PreviewLink {
  label: string;
  href: string;
}

/** What every preview surface gets: the rendered body, its plain text and its links. */
export interface SurfaceProps {
  settings: PreviewSettings;
  /** The language of the text (the phone's chrome follows it). */
  locale: Locale;
  sender: string;
  title: string;
  body: ReactNode;
  plain: string;
  links: PreviewLink[];
  label: string;
}

/** The phone chrome's strings in the text's language (not the app's). */
function phoneT(locale: Locale) {
  return (key: string, vars?: Record<string, string | number>) =>
    translate(locale, `disclosures.phone.${key}` as MessageKey, vars);
}

function formatInt(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US').format(n);
}

/** An AlimTalk-style chat bubble: sender profile, the yellow header, the body, up to five buttons. */
export function AlimtalkPreview(props: SurfaceProps) {
  const t = phoneT(props.locale);
  const count = countChars(props.plain);
  const max = PREVIEW_LIMITS.alimtalkMaxChars;
  const maxButtons = PREVIEW_LIMITS.alimtalkMaxButtons;
  const buttons = props.links.slice(0, maxButtons);
  return (
    <PhoneFrame settings={props.settings} surface="alimtalk" lang={props.locale} label={props.label}>
      <div className="pv-chat-header">
        <span className="pv-back" aria-hidden="true">‹</span>
        <span className="pv-chat-title">{props.sender}</span>
      </div>
      <div className="pv-chat">
        <div className="pv-profile">
          <span className="pv-avatar" aria-hidden="true">{Array.from(props.sender)[0] ?? '·'}</span>
          <span className="pv-sender">
            {props.sender}
            <small>{t('channel')}</small>
          </span>
        </div>
        <div className="pv-bubble-row">
          <div className="pv-bubble">
            <div className="pv-bubble-head">{t('alimtalkArrived')}</div>
            <div className="pv-bubble-body">{props.body}</div>
            {buttons.length > 0 ? (
              <div className="pv-buttons">
                {buttons.map((b, i) => (
                  <span key={i} className="pv-button" title={b.href}>
                    {b.label}
                  </span>
                ))}
              </div>
            ) : null}
          </div>
          <span className="pv-time">{t('now')}</span>
        </div>
      </div>
      <div className="pv-meter" data-over={count > max ? 'true' : 'false'}>
        <span data-testid="alimtalk-chars">{t('chars', { count: formatInt(props.locale, count), max: formatInt(props.locale, max) })}</span>
        {count > max ? <strong> · {t('overChars', { over: formatInt(props.locale, count - max) })}</strong> : null}
        {props.links.length > maxButtons ? (
          <strong> · {t('tooManyButtons', { count: props.links.length, max: maxButtons })}</strong>
        ) : props.links.length > 0 ? (
          <span> · {t('buttons', { count: props.links.length })}</span>
        ) : null}
      </div>
    </PhoneFrame>
  );
}

/** A lock-screen notification, iOS or Android, clamped where those surfaces cut text. */
export function LockScreenPreview(props: SurfaceProps & { platform: 'ios' | 'android' }) {
  const t = phoneT(props.locale);
  const ios = props.platform === 'ios';
  const text = props.plain.replace(/\s+/g, ' ').trim();
  const card = (lines: number, note?: string) => (
    <div className={`pv-notif pv-notif-${props.platform}`}>
      <div className="pv-notif-head">
        <span className="pv-app-icon" aria-hidden="true">K</span>
        <span className="pv-app-name">{t('appName')}</span>
        <span className="pv-notif-time">{t('now')}</span>
      </div>
      <div className="pv-notif-title">{props.sender}</div>
      <div className="pv-notif-text" style={{ WebkitLineClamp: lines }} data-lines={lines}>
        {text}
      </div>
      {note ? <div className="pv-notif-note">{note}</div> : null}
    </div>
  );
  return (
    <PhoneFrame settings={props.settings} surface={props.platform} lang={props.locale} label={props.label} variant="lock">
      <div className={`pv-lock pv-lock-${props.platform}`}>
        <div className="pv-lock-date">{t('lockDate')}</div>
        <div className="pv-lock-clock">9:41</div>
        {ios ? (
          card(PREVIEW_LIMITS.iosBodyLines, t('moreLines'))
        ) : (
          <>
            <div className="pv-notif-label">{t('collapsed')}</div>
            {card(PREVIEW_LIMITS.androidCollapsedLines)}
            <div className="pv-notif-label">{t('expanded')}</div>
            {card(PREVIEW_LIMITS.androidExpandedLines)}
          </>
        )}
      </div>
    </PhoneFrame>
  );
}

/** An install / onboarding screen showing the notice before the user agrees. */
export function InstallPreview(props: SurfaceProps) {
  const t = phoneT(props.locale);
  return (
    <PhoneFrame settings={props.settings} surface="install" lang={props.locale} label={props.label}>
      <div className="pv-onboard">
        <span className="pv-onboard-icon" aria-hidden="true">K</span>
        <div className="pv-onboard-kicker">{t('welcome')}</div>
        {props.title ? <div className="pv-onboard-title">{props.title}</div> : null}
        <div className="pv-onboard-body">{props.body}</div>
        <span className="pv-primary">{t('agree')}</span>
        <span className="pv-secondary">{t('later')}</span>
      </div>
    </PhoneFrame>
  );
}

/** The receive-settings screen: a toggle per sender, with the notice explaining what refusing does. */
export function SettingsPreview(props: SurfaceProps) {
  const t = phoneT(props.locale);
  const senders = [props.sender, ...t('sampleSenders').split(',')];
  return (
    <PhoneFrame settings={props.settings} surface="settings" lang={props.locale} label={props.label}>
      <div className="pv-chat-header">
        <span className="pv-back" aria-hidden="true">‹</span>
        <span className="pv-chat-title">{t('settingsTitle')}</span>
      </div>
      <div className="pv-settings">
        <div className="pv-settings-section">{t('settingsSection')}</div>
        <ul className="pv-toggles">
          {senders.map((name, i) => (
            <li key={i}>
              <span>{name}</span>
              <span className="pv-toggle" data-on={i !== 2 ? 'true' : 'false'} role="img" aria-label={name} />
            </li>
          ))}
        </ul>
        <div className="pv-settings-hint">{t('settingsHint')}</div>
        <div className="pv-settings-body">{props.body}</div>
      </div>
    </PhoneFrame>
  );
}
