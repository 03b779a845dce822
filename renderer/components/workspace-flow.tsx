import { createContext, useCallback, useContext, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  pickWorkspacePath,
  useAppInfo,
  useCloseWorkspace,
  useCreateWorkspace,
  useOpenWorkspace,
  useSettings,
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

/** The path suggested for a new workspace: `<documentsDir>/notice-desk.sqlite`, in the host's separator. */
export function defaultWorkspacePath(documentsDir: string | undefined): string {
  if (!documentsDir) return 'notice-desk.sqlite';
  const sep = documentsDir.includes('\\') && !documentsDir.includes('/') ? '\\' : '/';
  return `${documentsDir.replace(/[\\/]+$/, '')}${sep}notice-desk.sqlite`;
}

interface WorkspaceFlow {
  /** Creates a workspace: the host's save dialog, or (browser mode) the path dialog. */
  create(): Promise<void>;
  /** Opens a workspace: the host's open dialog, or (browser mode) the path dialog. */
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

/** Owns the workspace switching flow and its one path dialog; announces each switch. */
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
    async (mode: 'create' | 'open', file: string) => {
      const info = mode === 'create' ? await createMutation.mutateAsync(file) : await openMutation.mutateAsync(file);
      setStatus(t(mode === 'create' ? 'common.workspace.created' : 'common.workspace.opened', { name: info.name }));
    },
    [createMutation, openMutation, t],
  );

  const start = useCallback(
    async (mode: 'create' | 'open') => {
      try {
        const picked = await pickWorkspacePath(mode);
        if (picked !== null) {
          await run(mode, picked);
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
          await run('open', file);
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
        <PathDialog
          key={dialog}
          mode={dialog}
          onCancel={() => setDialog(null)}
          onSubmit={async (file) => {
            await run(dialog, file);
            setDialog(null);
          }}
        />
      ) : null}
    </FlowContext.Provider>
  );
}

/** Browser mode's stand-in for the native file dialog: a path field and the recent list. */
function PathDialog(props: { mode: 'create' | 'open'; onCancel: () => void; onSubmit: (file: string) => Promise<void> }) {
  const { t } = useI18n();
  const errorMessage = useErrorText();
  const info = useAppInfo();
  const settings = useSettings();
  const recent = settings.data?.recentWorkspaces ?? [];
  const suggested = defaultWorkspacePath(info.data?.documentsDir);
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = value ?? (props.mode === 'create' ? suggested : (recent[0] ?? suggested));
  const creating = props.mode === 'create';

  async function submit(file: string) {
    if (!file.trim()) {
      setError(t('common.workspace.dialog.pathRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(file.trim());
    } catch (e) {
      setError(errorMessage(e).message);
      setBusy(false);
    }
  }

  function onForm(event: FormEvent) {
    event.preventDefault();
    void submit(current);
  }

  return (
    <Dialog
      title={t(creating ? 'common.workspace.dialog.createTitle' : 'common.workspace.dialog.openTitle')}
      description={t(creating ? 'common.workspace.dialog.createBody' : 'common.workspace.dialog.openBody')}
      onClose={props.onCancel}
    >
      <form onSubmit={onForm} className="stack">
        <div className="field">
          <label htmlFor="workspace-path">{t('common.workspace.dialog.pathLabel')}</label>
          <input
            id="workspace-path"
            className="input input-mono"
            value={current}
            onChange={(e) => setValue(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="workspace-path-hint"
            aria-invalid={error ? true : undefined}
          />
          <p id="workspace-path-hint" className="field-hint">
            {t('common.workspace.dialog.pathHint', { example: suggested })}
          </p>
        </div>
        {error ? (
          <div className="alert alert-danger" role="alert">
            <div className="alert-body">
              <p>{error}</p>
            </div>
          </div>
        ) : null}
        {!creating && recent.length > 0 ? (
          <div className="field">
            <h3 className="field-label" id="dialog-recent">
              {t('common.workspace.dialog.recent')}
            </h3>
            <ul className="list-plain recent-list" aria-labelledby="dialog-recent">
              {recent.map((file) => (
                <li key={file}>
                  <button type="button" className="recent-item" onClick={() => void submit(file)} disabled={busy}>
                    <Icon name="database" size={16} />
                    <span className="recent-name">{baseName(file)}</span>
                    <span className="recent-path">{file}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy
              ? t('common.workspace.dialog.working')
              : t(creating ? 'common.workspace.dialog.createSubmit' : 'common.workspace.dialog.openSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
