import { formatMessage, isErrorKey, type ErrorKey, type MessageLocale, type MessageParams } from './messages/index.ts';

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

/** The message of any error in the given language: its own wording when it has a key, else its message. */
export function localizedErrorMessage(error: { message: string; key?: string; params?: MessageParams }, locale: MessageLocale): string {
  if (isErrorKey(error.key)) return formatMessage(error.key, error.params, locale);
  return error.message;
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
