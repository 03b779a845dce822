import type { Diagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import { useMemo, useRef, useState } from 'react';
import type { Disclosure, Finding, Locale, Surface } from '../../../shared/disclosures/types.ts';
import { SURFACES } from '../../../shared/disclosures/types.ts';
import { canOverrule, isEditable } from '../../../shared/disclosures/status.ts';
import { effectiveElements, effectiveMissing, type EffectiveElement } from '../../../shared/disclosures/overrides.ts';
import { useSaveSettings, useSettings, useWorkspace } from '../../data/app-hooks.ts';
import {
  base64ToBytes,
  useCheckOverrides,
  useDisclosureRules,
  useOverrule,
  useWithdrawOverride,
  useDisclosureVariables,
  useExportDisclosure,
  useUpdateDisclosure,
} from '../../data/disclosure-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ReviewTabs } from '../review/ReviewTabs.tsx';
import type { EditorLink } from '../review/ThreadsView.tsx';
import type { PreviewSettings } from '../previews/PhoneFrame.tsx';
import { PreviewPanel, PreviewSurface, type PreviewTab } from '../previews/PreviewPanel.tsx';
import type { ChecklistActions } from './ChecklistItem.tsx';
import { ChecksPanel, visibleFindings } from './ChecksPanel.tsx';
import { emphasisTargets } from './emphasis-targets.ts';
import { setEvidence } from './evidence-highlight.ts';
import { FormatToolbar } from './FormatToolbar.tsx';
import { MarkdownEditor, scrollToRatio, type EditorHandle } from './MarkdownEditor.tsx';
import { ReadabilityPanel } from './ReadabilityPanel.tsx';
import { StatusControl } from './StatusControl.tsx';
import { useAutosave } from './use-autosave.ts';
import { useEmphasisCheck } from './use-emphasis-check.ts';
import { useLiveCheck } from './use-live-check.ts';
import { VariablesPanel } from './VariablesPanel.tsx';
import './studio.css';
import { downloadBlob } from '../download.ts';

const TAB_FOR_SURFACE: Record<Surface, PreviewTab> = {
  alimtalk: 'alimtalk',
  'consent-prompt': 'alimtalk',
  install: 'install',
  settings: 'settings',
  terms: 'install',
  'url-notice': 'install',
};

function toDiagnostics(findings: Finding[], missing: string[]): Diagnostic[] {
  return findings
    .filter((f) => f.end > f.start || !missing.includes(f.rule))
    .map((f) => ({ from: f.start, to: Math.max(f.end, f.start), severity: f.severity, message: f.message, source: f.rule }));
}

/**
 * The studio for one disclosure. Another disclosure can be opened from inside it (a new draft
 * started from an approved text, or this one reloaded after a suggestion was put into it): the
 * editors are made afresh for it.
 */
export function Studio(props: { disclosure: Disclosure; onBack(): void }) {
  const [open, setOpen] = useState({ disclosure: props.disclosure, n: 0 });
  // The page's own disclosure is followed as it is read again (its status, after a merged decision).
  const shown = open.n === 0 && open.disclosure.id === props.disclosure.id ? props.disclosure : open.disclosure;
  return (
    <StudioView
      key={`${open.disclosure.id}:${open.n}`}
      disclosure={shown}
      onBack={props.onBack}
      onOpen={(next) => setOpen((o) => ({ disclosure: next, n: o.n + 1 }))}
    />
  );
}

/** The studio's view of one disclosure: two editors, live checks, review, previews and export. */
function StudioView(props: { disclosure: Disclosure; onBack(): void; onOpen(next: Disclosure): void }) {
  const { t, formatDateTime } = useI18n();
  const d = props.disclosure;
  const rules = useDisclosureRules();
  const variables = useDisclosureVariables();
  const update = useUpdateDisclosure();
  const exporter = useExportDisclosure();
  const [title, setTitle] = useState(d.title);
  const [surface, setSurface] = useState<Surface>(d.surface);
  const [texts, setTexts] = useState<Record<Locale, string>>({ ko: d.koText, en: d.enText });
  const [status, setStatus] = useState(d.status);
  // A merged review file can move the disclosure (a decision made elsewhere): follow the stored status when it changes.
  const [storedStatus, setStoredStatus] = useState(d.status);
  if (d.status !== storedStatus) {
    setStoredStatus(d.status);
    setStatus(d.status);
  }
  const [syncScroll, setSyncScroll] = useState(true);
  const [preview, setPreview] = useState<PreviewSettings>({ width: 375, theme: 'light', fontScale: 1 });
  const [exportMsg, setExportMsg] = useState<string | null>(null);
  const editors = { ko: useRef<EditorHandle>(null), en: useRef<EditorHandle>(null) };
  const lastFocused = useRef<Locale>('ko');
  const scrolling = useRef<Locale | null>(null);
  const composing = () => Boolean(editors.ko.current?.composing() || editors.en.current?.composing());
  const autosave = useAutosave({ id: d.id, version: d.version, save: (input) => update.mutateAsync(input), composing });
  // In a review file's session the reviewer comments and decides; the text is the author's.
  const inReviewFile = Boolean(useWorkspace().data?.reviewFile);
  const editable = isEditable(status) && !inReviewFile;
  const overrides = useCheckOverrides(d.id);
  const overrule = useOverrule();
  const withdraw = useWithdrawOverride();
  const settings = useSettings();
  const saveSettings = useSaveSettings();
  const reviewerName = settings.data?.reviewerName.trim() ?? '';

  const values = variables.data?.values;
  const ko = useLiveCheck(texts.ko, 'ko', surface, rules.data, values?.ko, composing);
  const en = useLiveCheck(texts.en, 'en', surface, rules.data, values?.en, composing);
  const checks = { ko, en };
  const overrideList = overrides.data;
  const effectiveKo = useMemo(() => (ko.result ? effectiveElements(ko.result.elements, overrideList ?? [], 'ko', texts.ko) : []), [ko.result, overrideList, texts.ko]);
  const effectiveEn = useMemo(() => (en.result ? effectiveElements(en.result.elements, overrideList ?? [], 'en', texts.en) : []), [en.result, overrideList, texts.en]);
  const effective: Record<Locale, EffectiveElement[]> = { ko: effectiveKo, en: effectiveEn };
  const missingCount = ko.result && en.result ? effectiveMissing(effectiveKo).length + effectiveMissing(effectiveEn).length : 0;
  const vars = { ko: values?.ko ?? {}, en: values?.en ?? {} };

  const ruleKo = rules.data?.rules.ko.emphasis;
  const ruleEn = rules.data?.rules.en.emphasis;
  const emphasisRuleKo = useMemo(() => (ruleKo ? { minPt: ruleKo.minPt, minRatio: ruleKo.minRatio } : null), [ruleKo]);
  const emphasisRuleEn = useMemo(() => (ruleEn ? { minPt: ruleEn.minPt, minRatio: ruleEn.minRatio } : null), [ruleEn]);
  const targetsKo = useMemo(() => (ko.result && rules.data ? emphasisTargets(ko.doc, vars.ko, ko.result, rules.data.rules.ko) : []), [ko, rules.data, vars.ko]);
  const targetsEn = useMemo(() => (en.result && rules.data ? emphasisTargets(en.doc, vars.en, en.result, rules.data.rules.en) : []), [en, rules.data, vars.en]);
  const probeKo = useRef<HTMLDivElement>(null);
  const probeEn = useRef<HTMLDivElement>(null);
  const emphasisKo = useEmphasisCheck(probeKo, targetsKo, emphasisRuleKo, [ko.doc, preview]);
  const emphasisEn = useEmphasisCheck(probeEn, targetsEn, emphasisRuleEn, [en.doc, preview]);
  const emphasis = { ko: emphasisKo, en: emphasisEn };

  const findings = (lang: Locale): Finding[] => {
    const r = checks[lang].result;
    if (!r || !rules.data) return [];
    // An element a reviewer ruled present is not reported missing again (the checklist still shows the checks' verdict).
    const ruled = new Set(effective[lang].filter((e) => e.present && !e.engine.present).map((e) => e.id));
    return visibleFindings(
      ruled.size ? { ...r, findings: r.findings.filter((f) => !ruled.has(f.rule)) } : r,
      emphasis[lang],
      (v) => `${t('disclosures.checks.emphasisMissing', { size: v.sizePt, body: v.bodyPt })}`,
      rules.data.rules[lang].emphasis.severity,
    );
  };
  const findingsKo = findings('ko');
  const findingsEn = findings('en');
  const diagnostics = {
    ko: useMemo(() => toDiagnostics(findingsKo, ko.result?.missing ?? []), [JSON.stringify(findingsKo)]), // eslint-disable-line react-hooks/exhaustive-deps
    en: useMemo(() => toDiagnostics(findingsEn, en.result?.missing ?? []), [JSON.stringify(findingsEn)]), // eslint-disable-line react-hooks/exhaustive-deps
  };

  const onText = (lang: Locale) => (text: string) => {
    setTexts((prev) => ({ ...prev, [lang]: text }));
    autosave.change(lang === 'ko' ? { koText: text } : { enText: text });
  };
  const onScroll = (lang: Locale) => (ratio: number) => {
    if (!syncScroll || scrolling.current === (lang === 'ko' ? 'en' : 'ko')) return;
    scrolling.current = lang;
    scrollToRatio(editors[lang === 'ko' ? 'en' : 'ko'].current?.view() ?? null, ratio);
    requestAnimationFrame(() => {
      scrolling.current = null;
    });
  };
  const active = () => editors[lastFocused.current].current;

  const actions = (lang: Locale): ChecklistActions => ({
    canOverrule: canOverrule(status),
    reviewerName,
    text: texts[lang],
    onSelect: (s, e) => editors[lang].current?.select(s, e),
    onInsert: (text) => editors[lang].current?.append(text),
    onHighlight: (range) => editors[lang].current?.highlight(range),
    selection: () => {
      const sel = editors[lang].current?.selection();
      return sel && sel.to > sel.from ? { start: sel.from, end: sel.to, quote: sel.text } : null;
    },
    onOverrule: async (element, input) => {
      // The override is checked against the saved text: save what is typed first.
      await autosave.flush();
      if (!reviewerName && input.reviewer) saveSettings.mutate({ reviewerName: input.reviewer });
      const common = { id: d.id, locale: lang, element, reason: input.reason, reviewer: input.reviewer };
      await overrule.mutateAsync(
        input.verdict === 'present' && input.evidence ? { ...common, verdict: 'present', evidence: input.evidence } : { ...common, verdict: 'insufficient' },
      );
      editors[lang].current?.highlight(null);
    },
    onWithdraw: async (o, reviewer) => {
      if (!reviewerName) saveSettings.mutate({ reviewerName: reviewer });
      await withdraw.mutateAsync({ id: d.id, overrideId: o.id, reviewer });
    },
  });

  const editorLink: EditorLink = {
    text: (lang) => texts[lang],
    editable,
    highlight: (lang, range) => {
      const handle = editors[lang].current;
      const view = handle?.view();
      if (!handle || !view || handle.composing()) return;
      // Hovering a thread below must not scroll the page (the pointer would leave the thread): only the editor scrolls.
      view.dispatch({ effects: setEvidence.of(range) });
      if (range) revealInEditor(view, range.from);
    },
  };

  const runExport = async (format: 'pdf' | 'html' | 'md') => {
    setExportMsg(t('disclosures.export.working'));
    try {
      await autosave.flush();
      const out = await exporter.mutateAsync({ id: d.id, format, actor: reviewerName });
      if (out.base64) downloadBlob(base64ToBytes(out.base64), out.fileName, out.mimeType);
      setExportMsg(t('disclosures.export.done', { file: out.path ?? out.fileName }));
    } catch (e) {
      setExportMsg(t('disclosures.export.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const saveLabel =
    autosave.state === 'saving'
      ? t('disclosures.editor.saving')
      : autosave.state === 'unsaved'
        ? t('disclosures.editor.unsaved')
        : autosave.state === 'error'
          ? t('disclosures.editor.saveFailed', { message: autosave.error ?? '' })
          : t('disclosures.editor.saved');

  return (
    <div className="st-studio">
      <header className="st-header">
        <button type="button" className="st-back" onClick={() => void autosave.flush().then(props.onBack)}>
          ‹ {t('disclosures.list.back')}
        </button>
        <label className="st-field st-title">
          <span>{t('disclosures.editor.titleLabel')}</span>
          <input
            value={title}
            maxLength={200}
            disabled={!editable}
            onChange={(e) => {
              setTitle(e.target.value);
              if (e.target.value.trim()) autosave.change({ title: e.target.value });
            }}
          />
        </label>
        <label className="st-field">
          <span>{t('disclosures.editor.surfaceLabel')}</span>
          <select
            value={surface}
            disabled={!editable}
            onChange={(e) => {
              const next = e.target.value as Surface;
              setSurface(next);
              autosave.change({ surface: next });
            }}
          >
            {SURFACES.map((s) => (
              <option key={s} value={s}>
                {t(`disclosures.surface.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <StatusControl id={d.id} status={status} beforeChange={autosave.flush} onChanged={setStatus} onOpen={props.onOpen} missing={missingCount} />
        <span className={`st-save st-save-${autosave.state}`} role="status" data-testid="save-state" data-state={autosave.state}>
          {saveLabel}
        </span>
        <span className="muted st-updated">{formatDateTime(d.updatedAt)}</span>
        <div className="st-export" role="group" aria-label={t('disclosures.export.heading')}>
          {(['pdf', 'html', 'md'] as const).map((f) => (
            <button key={f} type="button" onClick={() => void runExport(f)} disabled={exporter.isPending} data-export={f}>
              {t(`disclosures.export.${f}`)}
            </button>
          ))}
        </div>
        {exportMsg ? (
          <span className="muted st-export-msg" role="status">
            {exportMsg}
          </span>
        ) : null}
      </header>
      <div className="st-body">
        <div className="st-main">
          <div className="st-toolbar-row">
            <FormatToolbar
              disabled={!editable}
              onFormat={(a) => active()?.format(a)}
              onUndo={() => active()?.undo()}
              onRedo={() => active()?.redo()}
              onFind={() => active()?.find()}
              variables={Object.keys(vars.ko)}
              onVariable={(name) => active()?.insert(`{{${name}}}`)}
            />
            <label className="st-sync">
              <input type="checkbox" checked={syncScroll} onChange={(e) => setSyncScroll(e.target.checked)} />
              {t('disclosures.editor.syncScroll')}
            </label>
          </div>
          {!editable ? (
            <p className="muted st-locked" data-testid="text-locked">
              {t(inReviewFile ? 'review.workflow.lockedSession' : status === 'in-review' ? 'review.workflow.lockedReview' : 'review.workflow.locked')}
            </p>
          ) : null}
          <div className="st-two">
            {(['ko', 'en'] as const).map((lang) => (
              <div className="st-editor-col" key={lang}>
                <h2 className="st-col-title">{t(`disclosures.editor.${lang}Label`)}</h2>
                <MarkdownEditor
                  initialText={texts[lang]}
                  onChange={onText(lang)}
                  diagnostics={diagnostics[lang]}
                  lang={lang}
                  label={t(`disclosures.editor.${lang}Label`)}
                  placeholder={t('disclosures.editor.placeholder')}
                  phrases={t('disclosures.search.Find') ? searchPhrases(t) : {}}
                  handle={editors[lang]}
                  readOnly={!editable}
                  onFocus={() => {
                    lastFocused.current = lang;
                  }}
                  onScroll={onScroll(lang)}
                />
              </div>
            ))}
          </div>
          <ReviewTabs
            disclosure={d}
            status={status}
            editor={editorLink}
            beforeChange={autosave.flush}
            onOpen={props.onOpen}
            checks={
              <>
                {rules.data ? (
                  <div className="st-two">
                    {(['ko', 'en'] as const).map((lang) => {
                      const result = checks[lang].result;
                      return result ? (
                        <ChecksPanel
                          key={lang}
                          lang={lang}
                          surface={surface}
                          rules={rules.data.rules[lang]}
                          result={result}
                          findings={lang === 'ko' ? findingsKo : findingsEn}
                          emphasis={emphasis[lang]}
                          variables={vars[lang]}
                          effective={effective[lang]}
                          actions={actions(lang)}
                        />
                      ) : null;
                    })}
                  </div>
                ) : (
                  <p className="muted">{rules.isError ? t('disclosures.checks.unavailable') : t('common.loading')}</p>
                )}
                {variables.data ? <VariablesPanel data={variables.data} /> : null}
                <ReadabilityPanel
                  ko={ko.result?.readability ?? null}
                  en={en.result?.readability ?? null}
                  onSelect={(lang, s, e) => editors[lang].current?.select(s, e)}
                />
              </>
            }
          />
        </div>
        <aside className="st-side">
          <PreviewPanel
            texts={{ ko: { doc: ko.doc, variables: vars.ko }, en: { doc: en.doc, variables: vars.en } }}
            titles={{ ko: title, en: title }}
            initialTab={TAB_FOR_SURFACE[surface]}
            settings={preview}
            onSettings={setPreview}
            onSavePng={(blob, name) => downloadBlob(blob, name, 'image/png')}
          />
        </aside>
      </div>
      <div className="st-probe" aria-hidden="true">
        <div ref={probeKo} data-testid="emphasis-probe-ko">
          <PreviewSurface tab="alimtalk" text={{ doc: ko.doc, variables: vars.ko }} locale="ko" title={title} settings={preview} />
        </div>
        <div ref={probeEn} data-testid="emphasis-probe-en">
          <PreviewSurface tab="alimtalk" text={{ doc: en.doc, variables: vars.en }} locale="en" title={title} settings={preview} />
        </div>
      </div>
    </div>
  );
}

/** Scrolls an editor's own scroller (never the page) so the line holding `pos` is in view. */
function revealInEditor(view: EditorView, pos: number): void {
  const block = view.lineBlockAt(Math.min(pos, view.state.doc.length));
  const el = view.scrollDOM;
  if (block.top < el.scrollTop || block.bottom > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, block.top - el.clientHeight / 3);
}

function searchPhrases(t: ReturnType<typeof useI18n>['t']): Record<string, string> {
  const keys = ['Find', 'Replace', 'next', 'previous', 'all', 'match case', 'regexp', 'by word', 'replace', 'replace all', 'close'] as const;
  return Object.fromEntries(keys.map((k) => [k, t(`disclosures.search.${k}`)]));
}
