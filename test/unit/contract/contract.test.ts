// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AppError, callNames, contract, eventNames } from '../../../shared/contract/index.ts';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { dispatch, dispatchToEnvelope } from '../../../electron/backend/dispatch.ts';
import { handlers } from '../../../electron/backend/handlers/index.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { createPreloadBridge } from '../../../electron/preload/bridge.ts';
import { createHttpBridge } from '../../../renderer/data/api.ts';

const declared = Object.keys(contract).sort();

function context(): HandlerContext {
  return new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
}

describe('the contract', () => {
  it('names every call domain:verb', () => {
    for (const name of declared) expect(name, name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    expect(callNames).toEqual(declared);
  });

  it('has a handler for every call, and no handler without a call', () => {
    const implemented = Object.keys(handlers).sort();
    expect(declared.filter((n) => !implemented.includes(n)), 'calls without a handler').toEqual([]);
    expect(implemented.filter((n) => !declared.includes(n)), 'handlers without a contract entry').toEqual([]);
    for (const name of implemented) expect(typeof handlers[name as keyof typeof handlers], name).toBe('function');
  });

  it('has a preload verb for every call', () => {
    const ipc = { invoke: async () => ({ ok: true, value: null }), on: () => {}, removeListener: () => {} };
    const bridge = createPreloadBridge(ipc, { getPathForFile: () => '' });
    expect(Object.keys(bridge.call).sort()).toEqual(declared);
  });

  it('has a renderer client method for every call', () => {
    const bridge = createHttpBridge('http://127.0.0.1:1');
    expect(Object.keys(bridge.call).sort()).toEqual(declared);
    for (const name of declared) expect(typeof bridge.call[name as keyof typeof bridge.call], name).toBe('function');
  });

  it('keeps event names apart from call names', () => {
    for (const event of eventNames) expect(declared).not.toContain(event);
  });
});

describe('dispatch', () => {
  it('gives a bad payload a typed bad-input error before any handler runs', async () => {
    const ctx = context();
    const error = await dispatch('settings:set', { locale: 'fr', theme: 3 }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad-input');
    expect((error as AppError).message).toContain('settings:set');
    const paths = ((error as AppError).details as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
    expect(paths.sort()).toEqual(['locale', 'theme']);
    expect(ctx.host.settings.get().locale).toBe('ko');
  });

  it('refuses unknown fields and unknown calls with typed errors in the envelope', async () => {
    const ctx = context();
    expect(await dispatchToEnvelope('workspace:open', { path: '/x.sqlite', evil: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(await dispatchToEnvelope('workspace:drop', {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatchToEnvelope('__proto__', {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('runs a good payload through the handler', async () => {
    expect(await dispatchToEnvelope('settings:set', { theme: 'dark' }, context())).toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
  });
});
