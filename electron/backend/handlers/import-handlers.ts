import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import type { importCalls } from '../../../shared/contract/imports.ts';
import { listImports } from '../db/imports-repo.ts';
import { deletePreset, listPresets, savePreset } from '../db/presets-repo.ts';
import { listRejects } from '../db/rejects-repo.ts';
import { listWatchLog } from '../db/watch-repo.ts';
import { importQueue } from '../import/import-queue.ts';
import { deleteImport, rejectsCsv } from '../import/manage.ts';
import { previewFile } from '../import/preview.ts';
import { getPrivacyOptions, setPrivacyOptions } from '../import/privacy.ts';
import {
  answerWatchPrompt,
  ensureWatcher,
  getWatchFolder,
  rememberWatchConsent,
  setWatchFolder,
  watchFolderView,
} from '../import/watch-folder.ts';
import { deleteWarehouseImport } from '../warehouse/import.ts';
import { sessionWarehouse } from '../warehouse/session.ts';
import type { HandlersFor } from './types.ts';

/** The Imports page's calls: imports run in the backend worker, one file after another. */
export const importHandlers: HandlersFor<keyof typeof importCalls> = {
  'imports:list': (_input, ctx) => {
    ensureWatcher(ctx);
    return listImports(ctx.workspace().db);
  },
  'imports:start': (input, ctx) => {
    const session = ctx.workspace();
    // Only files the user chose, dropped or uploaded, by their real paths.
    const files = input.files.map((file) => ctx.paths.check(file, 'import'));
    for (const file of files) {
      if (!fs.existsSync(file)) throw userError('not-found', 'imports.file-missing', { file }, { file });
    }
    const queue = importQueue(ctx);
    const jobs = files.map((file) => ({
      jobId: queue.enqueue(session.path, file, path.basename(file), input.options),
      file: path.basename(file),
    }));
    return { jobs };
  },
  'imports:cancel': (input, ctx) => importQueue(ctx).cancel(input.jobId),
  'imports:results': (input, ctx) => importQueue(ctx).results(input.jobIds),
  'imports:delete': async (input, ctx) => {
    const session = ctx.workspace();
    // A ClickHouse workspace's import is deleted from the warehouse (every table, waiting for it), then locally.
    const wh = sessionWarehouse(session, { secrets: ctx.host.secrets });
    if (wh) await deleteWarehouseImport(session.db, wh, input.id);
    else deleteImport(session.db, input.id);
    ctx.host.emit('data:changed', { reason: 'import-deleted' });
    return true;
  },
  'imports:rejects': (input, ctx) => listRejects(ctx.workspace().db, input.importId, input.offset, input.limit),
  'imports:exportRejects': (input, ctx) => ({
    fileName: input.importId ? `rejects-import-${input.importId}.csv` : 'rejects.csv',
    csv: rejectsCsv(ctx.workspace().db, input.importId),
  }),
  'imports:preview': (input, ctx) =>
    previewFile(ctx.session?.db ?? null, ctx.paths.check(input.file, 'import'), input.encoding, input.rows),
  'imports:presets': (_input, ctx) => listPresets(ctx.workspace().db),
  'imports:savePreset': (input, ctx) => {
    const db = ctx.workspace().db;
    savePreset(db, input.name, input.header, input.mapping);
    return listPresets(db);
  },
  'imports:deletePreset': (input, ctx) => {
    const db = ctx.workspace().db;
    deletePreset(db, input.name);
    return listPresets(db);
  },
  'imports:watchFolder': (_input, ctx) => {
    ensureWatcher(ctx);
    return watchFolderView(ctx);
  },
  'imports:confirmWatchFolder': (input, ctx) => answerWatchPrompt(ctx, input.watch),
  'imports:setWatchFolder': (input, ctx) => {
    const db = ctx.workspace().db;
    // The workspace's own folder can be switched on and off; a new one must be chosen in the dialog.
    const same = input.path !== null && input.path === getWatchFolder(db).path;
    const folder = input.path === null || same ? input.path : ctx.paths.check(input.path, 'watch-folder');
    if (folder !== null && (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())) {
      throw userError('not-found', 'imports.not-a-folder', { folder }, { file: folder });
    }
    setWatchFolder(db, { path: folder, enabled: folder !== null && input.enabled });
    // Chosen here, on this computer: no need to ask (a folder only switched on or off still asks).
    if (!same) rememberWatchConsent(ctx);
    ensureWatcher(ctx).tick();
    return watchFolderView(ctx);
  },
  'imports:watchLog': (input, ctx) => listWatchLog(ctx.workspace().db, input.limit),
  'imports:privacy': (_input, ctx) => getPrivacyOptions(ctx.workspace().db),
  'imports:setPrivacy': (input, ctx) => setPrivacyOptions(ctx.workspace().db, input),
};
