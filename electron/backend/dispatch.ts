import { z } from 'zod';
import {
  AppError,
  contract,
  isCallName,
  type CallName,
  type Api,
  type Envelope,
} from '../../shared/contract/index.ts';
import type { HandlerContext } from './context.ts';
import { handlers } from './handlers/index.ts';
import { assertReviewerMay } from './review/session-calls.ts';

/** Parses a payload against a call's schema; a bad payload becomes a typed `bad-input` error. */
export function parseInput<K extends CallName>(name: K, payload: unknown): z.output<(typeof contract)[K]['input']> {
  const result = contract[name].input.safeParse(payload ?? {});
  if (!result.success) {
    throw new AppError('bad-input', `Invalid input for ${name}: ${z.prettifyError(result.error)}`, {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return result.data as z.output<(typeof contract)[K]['input']>;
}

/** Calls one handler by name with an unparsed payload (every transport ends here). */
export async function dispatch(name: string, payload: unknown, ctx: HandlerContext): Promise<unknown> {
  if (!isCallName(name)) throw new AppError('unknown-call', `No such call: ${name}`);
  const input = parseInput(name, payload);
  assertReviewerMay(name, input, ctx);
  const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
  return await handler(input, ctx);
}

/** Like `dispatch`, but never throws: the result or the error travels in an envelope. */
export async function dispatchToEnvelope(
  name: string,
  payload: unknown,
  ctx: HandlerContext,
): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await dispatch(name, payload, ctx) };
  } catch (error) {
    return { ok: false, error: toAppError(error).toShape() };
  }
}

/** Any thrown value as an AppError (unknown errors become `internal`, with their message). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', message);
}

/** The in-process transport: the typed API over the handler map (CLI and tests). */
export function inProcessApi(ctx: HandlerContext): Api {
  const api = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(contract)) {
    api[name] = (input: unknown) => dispatch(name, input, ctx);
  }
  return api as Api;
}
