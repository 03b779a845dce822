import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { openWorkspaceInProcess } from '../../../electron/backend/workspace.ts';
import type { Api, Bridge } from '../../../shared/contract/index.ts';

/**
 * The real handlers over a real SQLite workspace in a temp folder, wrapped as the renderer's
 * bridge. `calls` records every call name with its input, so tests can see what the UI sent.
 */
export async function realBackend(): Promise<{ api: Api; bridge: Bridge; calls: { name: string; input: unknown }[]; dir: string }> {
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  const api = inProcessApi(ctx);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-renderer-'));
  // In-process (the CLI's path): jsdom's import.meta.url is not a file URL, so no migration worker.
  ctx.session = await openWorkspaceInProcess(path.join(dir, 'ws.sqlite'));
  const calls: { name: string; input: unknown }[] = [];
  const recorded = new Proxy(api, {
    get(target, name: string) {
      const fn = (target as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name];
      return (input: unknown) => {
        calls.push({ name, input });
        return fn!(input);
      };
    },
  });
  return { api, calls, dir, bridge: { call: recorded, pathForFile: () => null, on: () => () => {} } };
}
