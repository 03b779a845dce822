import { codeMessage, formatMessage, isErrorKey, type ErrorKey, type MessageLocale, type MessageParams } from './messages/index.ts';

/** Error codes every transport carries unchanged from the backend to the caller. */
export const appErrorCodes = [
  'bad-input',
  'unknown-call',
  'untrusted-sender',
  'unauthorized',
  'no-workspace',
  'not-found',
  'workspace-too-new',
  'not-a-workspace',
  'file-unreadable',
  'unsupported-format',
  'cancelled',
  'conflict',
  'too-large',
  'path-not-allowed',
  'untrusted-workspace',
  'unavailable',
  'internal',
] as const;

/** One of `appErrorCodes`. */
export type AppErrorCode = (typeof appErrorCodes)[number];

/** A serialisable error as it crosses a transport. */
export interface AppErrorShape {
  code: AppErrorCode;
  /** English, for logs and the CLI; the UI words `key` + `params` in the user's language instead. */
  message: string;
  details?: unknown;
  /** A key of `errorMessages` (shared/contract/messages) when the error has wording of its own. */
  key?: string;
  params?: MessageParams;
}

/** An error a user can act on: a stable code, a plain message and optional details. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  readonly key: string | undefined;
  readonly params: MessageParams | undefined;
  constructor(code: AppErrorCode, message: string, details?: unknown, wording?: { key: string; params?: MessageParams }) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.key = wording?.key;
    this.params = wording?.params;
  }

  /** The plain object sent over IPC or HTTP. */
  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.details !== undefined) shape.details = this.details;
    if (this.key !== undefined) shape.key = this.key;
    if (this.params !== undefined) shape.params = this.params;
    return shape;
  }

  /** Rebuilds an AppError on the receiving side of a transport. */
  static fromShape(shape: AppErrorShape): AppError {
    const wording = typeof shape.key === 'string' ? { key: shape.key, params: shape.params } : undefined;
    return new AppError(shape.code, shape.message, shape.details, wording);
  }
}

/**
 * An error worded in both languages: `key` names a message of `errorMessages`, `params` fill its
 * placeholders. The English wording becomes `message` (CLI, logs); the UI shows the user's language.
 */
export function userError(code: AppErrorCode, key: ErrorKey, params?: MessageParams, details?: unknown): AppError {
  return new AppError(code, formatMessage(key, params, 'en'), details, { key, params });
}

/** An error as a result carries it (e.g. a refused import file): its code, English message and wording. */
export interface ErrorSummary {
  code: string;
  message: string;
  key?: string;
  params?: MessageParams;
}

/** The wording and identity of an error in a result, taken from any thrown value. */
export function summarizeError(error: unknown): ErrorSummary {
  if (error instanceof AppError) {
    const out: ErrorSummary = { code: error.code, message: error.message };
    if (error.key !== undefined) out.key = error.key;
    if (error.params !== undefined) out.params = error.params;
    return out;
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** How the UI shows an error: a sentence in the user's language, and the backend's English beneath when that is all it has. */
export interface DescribedError {
  message: string;
  /** The original English message, when `message` is only the code's generic wording. */
  detail?: string;
  code?: string;
}

/**
 * Words any error for a person in `locale`: an error with a known key in its own words; any other by
 * its code's generic wording (`internal` without a code) with the English message as detail — unless
 * the locale is English: then the message itself.
 */
export function describeError(error: unknown, locale: MessageLocale): DescribedError {
  const e = error as Partial<ErrorSummary> | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : error instanceof Error ? error.message : String(error);
  if (e && isErrorKey(e.key)) return { message: formatMessage(e.key, e.params, locale), code };
  if (locale === 'en') return { message, code };
  return { message: codeMessage(code ?? 'internal', locale), detail: message, code };
}

/** The envelope every transport uses, so errors survive Electron's IPC and HTTP alike. */
export type Envelope<R> = { ok: true; value: R } | { ok: false; error: AppErrorShape };

/** True when a value looks like an AppErrorShape. */
export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
