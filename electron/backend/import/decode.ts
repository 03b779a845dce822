import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../../shared/contract/imports.ts';

export type Encoding = Exclude<ImportEncoding, 'auto'>;

/** A streaming decoder: bytes in, text out (multi-byte sequences split across chunks are kept). */
export interface TextStreamDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** True when the bytes are valid UTF-8 (a sequence cut at the very end is allowed). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects the encoding of a file from its first bytes: a BOM names UTF-8 or UTF-16; NUL bytes at
 * alternate positions mean UTF-16 without BOM; valid UTF-8 is UTF-8; anything else is CP949
 * (what Korean Excel writes; EUC-KR is its subset).
 */
export function detectEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const probe = head.subarray(0, Math.min(head.length, 512));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  if (probe.length >= 4) {
    if (oddNul > probe.length / 4 && evenNul === 0) return 'utf-16le';
    if (evenNul > probe.length / 4 && oddNul === 0) return 'utf-16be';
  }
  return isUtf8(head) ? 'utf-8' : 'cp949';
}

/** A streaming decoder for one encoding; a BOM is dropped. */
export function createDecoder(encoding: Encoding): TextStreamDecoder {
  if (encoding === 'cp949') {
    const dec = iconv.getDecoder('cp949');
    return { write: (b) => dec.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => dec.end() ?? '' };
  }
  const dec = new TextDecoder(encoding, { ignoreBOM: false });
  return { write: (b) => dec.decode(b, { stream: true }), end: () => dec.decode() };
}
