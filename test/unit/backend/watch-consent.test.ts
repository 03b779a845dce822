import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { ensureWatcher, stopWatcher } from '../../../electron/backend/import/watch-folder.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { fixture } from '../import/helpers.ts';
import { tempDir } from '../helpers/tmp.ts';

/** One person's Notice Desk: their own settings (the confirmations live there), their own backend. */
function computer() {
  const settings = new MemorySettingsStore();
  const ctx = new HandlerContext({ transport: 'browser', settings, emit: () => {} });
  return { ctx, settings, api: inProcessApi(ctx) };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const logged = (ctx: HandlerContext) => ctx.workspace().db.prepare('SELECT count(*) FROM watch_log').pluck().get() as number;

describe('the watched folder a workspace names', () => {
  it('is not polled on another computer until its user confirms it there; "Not now" holds for the session', async () => {
    const dir = tempDir('watch-');
    const file = path.join(dir, 'shared.sqlite');
    const folder = path.join(dir, 'exports');
    fs.mkdirSync(folder);

    // Alice sets the folder on her computer: chosen there, so it is watched without a question.
    const alice = computer();
    await alice.api['workspace:create']({ path: file });
    expect(await alice.api['imports:setWatchFolder']({ path: folder, enabled: true })).toMatchObject({
      path: folder,
      confirmed: true,
      ask: false,
    });
    stopWatcher(alice.ctx);
    await alice.ctx.close();

    // Bob opens her workspace: the folder is named, but not confirmed here.
    const bob = computer();
    await bob.api['workspace:open']({ path: file });
    expect(await bob.api['imports:watchFolder']({})).toMatchObject({ path: folder, enabled: true, confirmed: false, ask: true });
    fs.copyFileSync(fixture('canonical-consent.tsv'), path.join(folder, 'consent.tsv'));
    const watcher = ensureWatcher(bob.ctx);
    for (let i = 0; i < 3; i++) watcher.tick();
    await new Promise((r) => setTimeout(r, 300));
    expect(logged(bob.ctx)).toBe(0);

    // "Not now": no more asking this session, still not polled.
    expect(await bob.api['imports:confirmWatchFolder']({ watch: false })).toMatchObject({ confirmed: false, ask: false });
    for (let i = 0; i < 3; i++) watcher.tick();
    await new Promise((r) => setTimeout(r, 300));
    expect(logged(bob.ctx)).toBe(0);
    expect(bob.settings.get().watchConsents).toEqual([]);

    // "Watch": remembered in Bob's settings, not in the workspace, and the file is taken.
    expect(await bob.api['imports:confirmWatchFolder']({ watch: true })).toMatchObject({ confirmed: true, ask: false });
    expect(bob.settings.get().watchConsents).toHaveLength(1);
    watcher.tick();
    await until(() => logged(bob.ctx) === 1);
    stopWatcher(bob.ctx);
    await bob.ctx.close();

    // The same workspace copied elsewhere is another workspace on this computer: asked again.
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    await bob.api['workspace:open']({ path: copy });
    expect(await bob.api['imports:watchFolder']({})).toMatchObject({ confirmed: false, ask: true });
    stopWatcher(bob.ctx);
    await bob.ctx.close();
  });

  it('cannot be confirmed through the settings call', async () => {
    const { api } = computer();
    await expect(api['settings:set']({ watchConsents: ['a'.repeat(64)] } as never)).rejects.toMatchObject({ code: 'bad-input' });
  });
});
