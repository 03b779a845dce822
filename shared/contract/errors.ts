/** Error codes every transport carries unchanged from the backend to the caller. */
export type AppErrorCode =
  | 'bad-input'
  | 'unknown-call'
  | 'untrusted-sender'
  | 'unauthorized'
  | 'no-workspace'
  | 'not-found'
  | 'workspace-too-new'
  | 'not-a-workspace'
  | 'file-unreadable'
  | 'unsupported-format'
  | 'cancelled'
  | 'conflict'
  | 'internal';

/** A serialisable error as it crosses a transport. */
export interface AppErrorShape {
  code: AppErrorCode;
  message: string;
  details?: unknown;
}

/** An error a user can act on: a stable code, a plain message and optional details. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The plain object sent over IPC or HTTP. */
  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  /** Rebuilds an AppError on the receiving side of a transport. */
  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.details);
  }
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
