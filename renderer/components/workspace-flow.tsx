import { createContext, useCallback, useContext, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { InputOf } from '../../shared/contract/index.ts';
import {
  pickWorkspacePath,
  useAppInfo,
  useCloseWorkspace,
  useCreateWorkspace,
  useOpenWorkspace,
  useSettings,
  useWorkspaceList,
} from '../data/app-hooks.ts';
import { api } from '../data/api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Dialog } from './Dialog.tsx';
import { useErrorText, useReportError } from './errors.tsx';
import { Icon } from './icons.tsx';

/** The file name part of a workspace path (either separator). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).pop() ?? file;
}


interface WorkspaceFlow {
  /** Creates a workspace: the host's save dialog, or (browser mode) a name in the workspaces folder. */
  create(): Promise<void>;
  /** Opens a workspace: the host's open dialog, or (browser mode) the workspaces folder's list. */
  open(): Promise<void>;
  /** Opens a workspace by path (recent list). */
  openPath(path: string): Promise<void>;
  close(): Promise<void>;
  busy: boolean;
}

const FlowContext = createContext<WorkspaceFlow | null>(null);

/** Create / open / close a workspace from anywhere in the frame. */
export function useWorkspaceFlow(): WorkspaceFlow {
  const value = useContext(FlowContext);
  if (!value) throw new Error('useWorkspaceFlow must be used inside <WorkspaceFlowProvider>');
  return value;
}

/**
 * Owns the workspace switching flow; announces each switch. The page never types a path: Electron
 * shows its native dialogs (and main accepts only what they picked), browser mode creates by name
 * in its own workspaces folder and opens from that folder's list or the recent ones.
 */
export function WorkspaceFlowProvider(props: { children: ReactNode }) {
  const { t } = useI18n();
  const report = useReportError();
  const createMutation = useCreateWorkspace();
  const openMutation = useOpenWorkspace();
  const closeMutation = useCloseWorkspace();
  const appInfo = useAppInfo();
  const [dialog, setDialog] = useState<'create' | 'open' | null>(null);
  const [status, setStatus] = useState('');

  const run = useCallback(
    async (mode: 'create' | 'open', target: InputOf<'workspace:create'>) => {
      const info =
        mode === 'create' || !('path' in target) ? await createMutation.mutateAsync(target) : await openMutation.mutateAsync(target.path);
      setStatus(t(mode === 'create' ? 'common.workspace.created' : 'common.workspace.opened', { name: info.name }));
    },
    [createMutation, openMutation, t],
  );

  const start = useCallback(
    async (mode: 'create' | 'open') => {
      try {
        const picked = await pickWorkspacePath(mode);
        if (picked !== null) {
          await run(mode, { path: picked });
          return;
        }
        // Null means "cancelled" from Electron's native dialog, "no native dialog" in browser mode.
        const transport = appInfo.data?.transport ?? (await api()['app:info']({})).transport;
        if (transport !== 'electron') setDialog(mode);
      } catch (error) {
        report(error);
      }
    },
    [run, report, appInfo.data],
  );

  const value = useMemo<WorkspaceFlow>(
    () => ({
      create: () => start('create'),
      open: () => start('open'),
      openPath: async (file) => {
        try {
          await run('open', { path: file });
        } catch (error) {
          report(error);
        }
      },
      close: async () => {
        try {
          await closeMutation.mutateAsync();
          setStatus(t('common.workspace.closed'));
        } catch (error) {
          report(error);
        }
      },
      busy: createMutation.isPending || openMutation.isPending || closeMutation.isPending,
    }),
    [start, run, report, closeMutation, createMutation.isPending, openMutation.isPending, t],
  );

  return (
    <FlowContext.Provider value={value}>
      {props.children}
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
      {dialog ? (
        <BrowserWorkspaceDialog
          key={dialog}
          mode={dialog}
          onCancel={() => setDialog(null)}
          onSubmit={async (target) => {
            await run(dialog, target);
            setDialog(null);
          }}
        />
      ) : null}
    </FlowContext.Provider>
  );
}

/** One workspace in the open dialog's lists. */
function WorkspaceChoice(props: { file: string; disabled: boolean; onChoose: (file: string) => void }) {
  return (
    <li>
      <button type="button" className="recent-item" onClick={() => props.onChoose(props.file)} disabled={props.disabled}>
        <Icon name="database" size={16} />
        <span className="recent-name">{baseName(props.file).replace(/\.sqlite$/i, '')}</span>
        <span className="recent-path">{props.file}</span>
      </button>
    </li>
  );
}

/**
 * Browser mode's stand-in for the native dialogs: a new workspace by name in browser mode's own
 * workspaces folder; an existing one from that folder or the recent list. No path is typed.
 */
function BrowserWorkspaceDialog(props: {
  mode: 'create' | 'open';
  onCancel: () => void;
  onSubmit: (target: InputOf<'workspace:create'>) => Promise<void>;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorText();
  const settings = useSettings();
  const listing = useWorkspaceList();
  const dir = listing.data?.dir ?? '';
  const inFolder = listing.data?.files.map((f) => f.path) ?? [];
  const recent = (settings.data?.recentWorkspaces ?? []).filter((p) => !inFolder.includes(p));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const creating = props.mode === 'create';

  async function submit(target: InputOf<'workspace:create'>) {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(target);
    } catch (e) {
      setError(errorMessage(e).message);
      setBusy(false);
    }
  }

  function onForm(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('common.workspace.dialog.nameRequired'));
      return;
    }
    void submit({ name: name.trim() });
  }

  const choose = (file: string) => void submit({ path: file });
  const errorBox = error ? (
    <div className="alert alert-danger" role="alert">
      <div className="alert-body">
        <p>{error}</p>
      </div>
    </div>
  ) : null;

  return (
    <Dialog
      title={t(creating ? 'common.workspace.dialog.createTitle' : 'common.workspace.dialog.openTitle')}
      description={t(creating ? 'common.workspace.dialog.createBody' : 'common.workspace.dialog.openBody', { dir })}
      onClose={props.onCancel}
    >
      {creating ? (
        <form onSubmit={onForm} className="stack">
          <div className="field">
            <label htmlFor="workspace-name">{t('common.workspace.dialog.nameLabel')}</label>
            <input
              id="workspace-name"
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              spellCheck={false}
              autoComplete="off"
              aria-describedby="workspace-name-hint"
              aria-invalid={error ? true : undefined}
            />
            <p id="workspace-name-hint" className="field-hint">
              {t('common.workspace.dialog.nameHint')}
            </p>
          </div>
          {errorBox}
          <div className="dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('common.workspace.dialog.working') : t('common.workspace.dialog.createSubmit')}
            </button>
          </div>
        </form>
      ) : (
        <div className="stack">
          <div className="field">
            <h3 className="field-label" id="dialog-folder">
              {t('common.workspace.dialog.folder')}
            </h3>
            {inFolder.length === 0 ? (
              <p className="muted">{listing.isPending ? t('common.workspace.dialog.working') : t('common.workspace.dialog.folderEmpty')}</p>
            ) : (
              <ul className="list-plain recent-list" aria-labelledby="dialog-folder">
                {inFolder.map((file) => (
                  <WorkspaceChoice key={file} file={file} disabled={busy} onChoose={choose} />
                ))}
              </ul>
            )}
          </div>
          {recent.length > 0 ? (
            <div className="field">
              <h3 className="field-label" id="dialog-recent">
                {t('common.workspace.dialog.recent')}
              </h3>
              <ul className="list-plain recent-list" aria-labelledby="dialog-recent">
                {recent.map((file) => (
                  <WorkspaceChoice key={file} file={file} disabled={busy} onChoose={choose} />
                ))}
              </ul>
            </div>
          ) : null}
          <p className="field-hint">{t('common.workspace.dialog.launchHint')}</p>
          {errorBox}
          <div className="dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
