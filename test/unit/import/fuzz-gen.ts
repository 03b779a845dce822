import { strToU8, zipSync } from 'fflate';
import { gzipSync } from 'node:zlib';
import { prng } from '../../../shared/random.ts';

/** A seeded generator of values, texts and damage for the reader fuzz suite (reproducible by seed). */
export class Gen {
  /** The seeded source of numbers in [0, 1). */
  readonly rand: () => number;
  constructor(seed: number) {
    this.rand = prng(seed);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A field value: plain, with the delimiter, quotes, line breaks, Korean, emoji, a BOM or nothing. */
  value(): string {
    const pieces = ['a', 'b', 'xyz', '1', '2016-03-07 09:00', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '배송', '안내', '😀', '\uFEFF', '\\', '{', ']'];
    let out = '';
    const n = this.int(6);
    for (let i = 0; i < n; i++) out += this.pick(pieces);
    return out;
  }

  /** A valid CSV document (RFC 4180 quoting) and the records it holds. */
  csv(): { text: string; records: string[][] } {
    const cols = 2 + this.int(4);
    const rows = this.int(12);
    const eol = this.pick(['\n', '\r\n']);
    const records: string[][] = [];
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const values = Array.from({ length: cols }, () => this.value());
      records.push(values);
      lines.push(values.map((v) => (/[",\r\n]/.test(v) || v.startsWith('\uFEFF') ? `"${v.replace(/"/g, '""')}"` : v)).join(','));
    }
    return { text: lines.join(eol) + (this.rand() < 0.5 ? eol : ''), records };
  }

  /** A JSON value of bounded depth. */
  json(depth = 0): unknown {
    const k = this.int(depth > 3 ? 4 : 6);
    if (k === 0) return this.value();
    if (k === 1) return this.int(1000) - 500 + (this.rand() < 0.3 ? 0.5 : 0);
    if (k === 2) return this.pick([true, false, null]);
    if (k === 3) return this.value();
    if (k === 4) return Array.from({ length: this.int(4) }, () => this.json(depth + 1));
    return this.object(depth + 1);
  }

  /** A JSON object of up to four keys made of awkward text. */
  object(depth = 0): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = this.int(5); i > 0; i--) out[this.value()] = this.json(depth);
    return out;
  }

  /** Random damage: cut, random bytes in, a span out, a stray quote or bracket, or CR/LF swaps. */
  damage(text: string): string {
    const at = this.int(text.length + 1);
    switch (this.int(7)) {
      case 0:
        return text.slice(0, at);
      case 1:
        return text.slice(0, at) + String.fromCharCode(...Array.from({ length: 1 + this.int(8) }, () => this.int(0x3000))) + text.slice(at);
      case 2:
        return text.slice(0, at) + text.slice(at + 1 + this.int(20));
      case 3:
        return text.slice(0, at) + this.pick(['"', '[', '{', '}', ']', ',', '\\', '\r']) + text.slice(at);
      case 4:
        return text.replace(/\n/g, this.pick(['\r', '\r\n', '\n\n']));
      case 5:
        return text.slice(0, at) + this.pick(['[', '{"a":']).repeat(200 + this.int(2000)) + text.slice(at);
      default:
        return text.slice(0, at) + 'x'.repeat(this.int(5000)) + text.slice(at);
    }
  }

  /** Splits a text into random chunks (1 character to the whole). */
  chunks(text: string): string[] {
    const out: string[] = [];
    const max = this.pick([1, 3, 17, 256, text.length + 1]);
    for (let i = 0; i < text.length; ) {
      const n = 1 + this.int(max);
      out.push(text.slice(i, i + n));
      i += n;
    }
    return out;
  }

  /** The bytes of a hostile or damaged file: text in some encoding, gzip, zip, cut archives, random bytes. */
  file(): { name: string; bytes: Uint8Array } {
    const kind = this.int(8);
    const body = this.rand() < 0.5 ? this.damage(this.csv().text) : this.damage(JSON.stringify(Array.from({ length: this.int(6) }, () => this.object())));
    const header = 'event_id,sent_at,recipient_id,sender_id\n';
    if (kind === 0) return { name: 'f.csv', bytes: Buffer.from(header + body) };
    if (kind === 1) return { name: 'f.csv', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(header + body, 'utf16le')]) };
    if (kind === 2) return { name: 'f.bin', bytes: Buffer.from(Array.from({ length: this.int(3000) }, () => this.int(256))) };
    if (kind === 3) {
      const gz = gzipSync(header + body);
      return { name: 'f.csv.gz', bytes: this.rand() < 0.5 ? gz : gz.subarray(0, this.int(gz.length)) };
    }
    if (kind === 4 || kind === 5) {
      const files: Record<string, Uint8Array> = {};
      for (let i = this.int(4); i >= 0; i--) files[`c${i}/2016-03-0${1 + this.int(9)}.json`] = strToU8(this.damage(JSON.stringify([this.object(), this.object()])));
      const zip = zipSync(files, { level: this.pick([0, 6]) as 0 | 6 });
      return { name: 'f.zip', bytes: kind === 4 ? zip : zip.subarray(0, 4 + this.int(zip.length)) };
    }
    if (kind === 6) return { name: 'f.ndjson', bytes: Buffer.from(Array.from({ length: 1 + this.int(6) }, () => this.damage(JSON.stringify(this.object()))).join('\n')) };
    // Mixed encodings: UTF-8 text with CP949-ish bytes and a lone surrogate half in the middle.
    return { name: 'f.csv', bytes: Buffer.concat([Buffer.from(header + body.slice(0, 20)), Buffer.from([0xb9, 0xe8, 0xbc, 0xdb, 0xed, 0xa0, 0x80]), Buffer.from(body.slice(20))]) };
  }
}

/** Runs from the environment (FUZZ_RUNS) or the default; the longer run is `FUZZ_RUNS=100000 npx vitest run … fuzz`. */
export function fuzzRuns(fallback: number): number {
  const v = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}
