import type http from 'node:http';
import { userError, type AppErrorCode, type Envelope } from '../../../shared/contract/errors.ts';
import { toAppError } from '../dispatch.ts';
import { formatBytes } from '../import/upload.ts';

/** The largest JSON body of one call (uploads have their own, larger limit). */
export const MAX_CALL_BODY = 8 * 1024 ** 2;

/** The HTTP status of a bridge-level refusal, by error code (a handler's own errors travel in a 200 envelope). */
export function statusFor(code: AppErrorCode): number {
  switch (code) {
    case 'bad-input':
      return 400;
    case 'unauthorized':
      return 401;
    case 'untrusted-sender':
    case 'path-not-allowed':
      return 403;
    case 'not-found':
      return 404;
    case 'too-large':
      return 413;
    default:
      return 500;
  }
}

/** Sends an envelope as JSON with the given status and headers. */
export function sendEnvelope(res: http.ServerResponse, status: number, envelope: Envelope<unknown>, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(envelope));
}

/**
 * Sends any thrown value as the one error envelope every transport uses (through `toAppError`), with
 * `status` or the code's own. A request whose body was not read to the end has its connection closed
 * after the answer, so a refused upload is not received anyway.
 */
export function sendError(req: http.IncomingMessage, res: http.ServerResponse, error: unknown, headers: Record<string, string>, status?: number): number {
  const appError = toAppError(error);
  const code = status ?? statusFor(appError.code);
  if (res.headersSent) {
    res.destroy();
    return code;
  }
  const unread = !req.complete;
  sendEnvelope(res, code, { ok: false, error: appError.toShape() }, unread ? { ...headers, connection: 'close' } : headers);
  if (unread) res.once('finish', () => req.destroy());
  return code;
}

/**
 * Reads a call's JSON body: refused with `too-large` when Content-Length says it is over `limit` (up
 * front, nothing read) or when the bytes counted while streaming pass it; `bad-input` when it is not
 * JSON. An empty body is `{}`.
 */
export function readJsonBody(req: http.IncomingMessage, call: string, limit = MAX_CALL_BODY): Promise<unknown> {
  const tooLarge = () => userError('too-large', 'bridge.body-too-large', { call, limit: formatBytes(limit) }, { limit });
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve({});
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(userError('bad-input', 'bridge.bad-json', { call, reason: error instanceof Error ? error.message : String(error) }));
      }
    });
    req.on('error', reject);
  });
}
