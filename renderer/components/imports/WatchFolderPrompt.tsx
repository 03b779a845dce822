import { useConfirmWatchFolder, useWatchFolder } from '../../data/import-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Dialog } from '../Dialog.tsx';
import { useReportError } from '../errors.tsx';

/**
 * Asks, once per workspace opened on this computer, before the watched folder it names is polled:
 * a workspace made by someone else must not start importing from a folder they chose.
 */
export function WatchFolderPrompt() {
  const { t } = useI18n();
  const report = useReportError();
  const state = useWatchFolder();
  const answer = useConfirmWatchFolder();
  const current = state.data;
  if (!current?.ask || !current.path) return null;
  const reply = (watch: boolean) => answer.mutate(watch, { onError: report });
  return (
    <Dialog
      title={t('imports.watch.promptTitle')}
      description={t('imports.watch.promptBody')}
      onClose={() => reply(false)}
      initialFocus=".watch-prompt-later"
      footer={
        <>
          <button type="button" className="btn btn-ghost watch-prompt-later" onClick={() => reply(false)} disabled={answer.isPending}>
            {t('imports.watch.promptNotNow')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => reply(true)} disabled={answer.isPending}>
            {t('imports.watch.promptWatch')}
          </button>
        </>
      }
    >
      <p className="input-mono">{current.path}</p>
    </Dialog>
  );
}
