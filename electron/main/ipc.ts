import { AppError, callNames, type Envelope } from '../../shared/contract/index.ts';
import type { HandlerContext } from '../backend/context.ts';
import { dispatchToEnvelope } from '../backend/dispatch.ts';
import type { IpcEventLike } from './security.ts';

/** The part of Electron's ipcMain the binding uses (a fake in unit tests). */
export interface IpcMainLike<E extends IpcEventLike = IpcEventLike> {
  handle(channel: string, listener: (event: E, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Binds every call of the contract to `ipcMain.handle`. Each message is answered with an Envelope:
 * a sender that is not the app's own main frame gets `untrusted-sender` before any parsing, a bad
 * payload gets `bad-input` from the zod schema, and only then does the handler run. Returns a
 * function that removes every binding.
 */
export function bindContract<E extends IpcEventLike>(
  ipc: IpcMainLike<E>,
  ctx: HandlerContext,
  isTrusted: (event: E) => boolean,
): () => void {
  for (const name of callNames) {
    ipc.handle(name, async (event, payload): Promise<Envelope<unknown>> => {
      if (!isTrusted(event)) {
        return {
          ok: false,
          error: new AppError('untrusted-sender', `Refused ${name}: the sender is not the Notice Desk window.`).toShape(),
        };
      }
      return dispatchToEnvelope(name, payload, ctx);
    });
  }
  return () => {
    for (const name of callNames) ipc.removeHandler(name);
  };
}
