import fs from 'node:fs';
import path from 'node:path';
import type { Envelope, EventMap, EventName } from '../../../shared/contract/index.ts';
import { startBridge, type RunningBridge } from '../../../electron/backend/bridge/server.ts';
import type { BackendHost } from '../../../electron/backend/context.ts';
import { JsonFileSettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

/** A host that records its events (in-process dispatch). */
export function recordingHost(dir: string, events: [EventName, unknown][]): BackendHost {
  return {
    transport: 'browser',
    settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')),
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      events.push([event, payload]);
    },
  };
}

/** Waits (polling) until `check` holds. */
export async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 25));
}

/** A real bridge over a tiny renderer folder (index.html + one asset). */
export async function testBridge(): Promise<{ bridge: RunningBridge; dir: string }> {
  const dir = tempDir('nd-bridge-');
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body>app</body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  const bridge = await startBridge({ rendererDir, settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')) });
  return { bridge, dir };
}

/** The app's own origin, as its page sends it. */
export function originOf(bridge: RunningBridge): string {
  return `http://127.0.0.1:${bridge.port}`;
}

/** The headers the app's own page sends with a call. */
export function appHeaders(bridge: RunningBridge): Record<string, string> {
  return { 'content-type': 'application/json', 'x-notice-desk-token': bridge.token, origin: originOf(bridge) };
}

/** One call over HTTP as the app's page makes it; the status and the envelope. */
export async function httpCall(bridge: RunningBridge, name: string, input: unknown): Promise<{ status: number; envelope: Envelope<unknown> }> {
  const res = await fetch(`${originOf(bridge)}/api/call/${name}`, { method: 'POST', headers: appHeaders(bridge), body: JSON.stringify(input) });
  return { status: res.status, envelope: (await res.json()) as Envelope<unknown> };
}
