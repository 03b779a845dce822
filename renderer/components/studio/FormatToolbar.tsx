import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { FormatAction } from './formatting.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

const ACTIONS: { action: FormatAction; icon: string; keys: string }[] = [
  { action: 'heading1', icon: 'H1', keys: `${mod}+Alt+1` },
  { action: 'heading2', icon: 'H2', keys: `${mod}+Alt+2` },
  { action: 'bold', icon: 'B', keys: `${mod}+B` },
  { action: 'bulletList', icon: '•', keys: `${mod}+Shift+8` },
  { action: 'orderedList', icon: '1.', keys: `${mod}+Shift+7` },
  { action: 'link', icon: '↗', keys: `${mod}+K` },
];

/** Formatting, undo/redo, find and variables, acting on the last focused editor. */
export function FormatToolbar(props: {
  onFormat(action: FormatAction): void;
  onUndo(): void;
  onRedo(): void;
  onFind(): void;
  variables: string[];
  onVariable(name: string): void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const button = (key: string, label: string, icon: string, keys: string, run: () => void) => (
    <button
      key={key}
      type="button"
      className="st-tool"
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
      disabled={props.disabled}
      title={t('disclosures.editor.shortcut', { label, keys })}
      aria-label={/[A-Za-z0-9]/.test(icon) ? `${icon} ${label}` : label}
      data-action={key}
    >
      {icon}
    </button>
  );
  return (
    <div className="st-toolbar" role="toolbar" aria-label={t('disclosures.editor.toolbar')}>
      {ACTIONS.map((a) => button(a.action, t(`disclosures.editor.${a.action}`), a.icon, a.keys, () => props.onFormat(a.action)))}
      <span className="st-sep" />
      {button('undo', t('disclosures.editor.undo'), '↶', `${mod}+Z`, props.onUndo)}
      {button('redo', t('disclosures.editor.redo'), '↷', isMac ? '⌘+Shift+Z' : 'Ctrl+Y', props.onRedo)}
      {button('find', t('disclosures.editor.find'), '⌕', `${mod}+F`, props.onFind)}
      <span className="st-sep" />
      <select
        className="st-vars"
        aria-label={t('disclosures.editor.variables')}
        title={t('disclosures.editor.variablesHint')}
        value=""
        disabled={props.disabled}
        onChange={(e) => {
          if (e.target.value) props.onVariable(e.target.value);
        }}
      >
        <option value="">{t('disclosures.editor.variables')}</option>
        {props.variables.map((name) => (
          <option key={name} value={name}>
            {`{{${name}}}`}
          </option>
        ))}
      </select>
    </div>
  );
}
