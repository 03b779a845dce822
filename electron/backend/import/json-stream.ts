import { DEFAULT_READ_LIMITS, RecordTooLongError, TooDeepError } from './limits.ts';

/** Bounds of a JSON splitter (defaults: DEFAULT_READ_LIMITS). */
export interface JsonSplitterLimits {
  maxRecordChars?: number;
  maxJsonDepth?: number;
}

/** Keys longer than this are never record-array keys: the rest of such a key is not kept. */
const MAX_KEY = 64;

/**
 * A streaming JSON splitter: text goes in by chunks; each object that is an element of the
 * top-level array, or of an array under one of the `arrayKeys` (e.g. Telegram's `messages`) at any
 * depth, comes out parsed, with the line it starts on. Only one element is held at a time, and
 * it may be at most `maxRecordChars` long (else a RecordTooLongError); arrays and objects may nest
 * `maxJsonDepth` deep (else a TooDeepError). Linear time: each character is looked at once.
 */
export class JsonArraySplitter {
  private readonly arrayKeys: ReadonlySet<string>;
  private readonly onObject: (value: unknown, line: number, raw: string) => void;
  /** Per open container: 'a' array (with whether its elements are captured) or 'o' object. */
  private stack: { type: 'a' | 'o'; capture: boolean }[] = [];
  private inString = false;
  private escape = false;
  private keyMode = false;
  private expectKey = false;
  private keyText = '';
  private pendingKey: string | null = null;
  private line = 1;
  private captureDepth = -1;
  private captureLine = 0;
  private captured = '';
  private capturedChars = 0;
  private readonly maxChars: number;
  private readonly maxDepth: number;
  private sawTopLevel = false;
  /** Elements of captured arrays that were not objects. */
  scalars = 0;

  constructor(arrayKeys: Iterable<string>, onObject: (value: unknown, line: number, raw: string) => void, limits: JsonSplitterLimits = {}) {
    this.arrayKeys = new Set(arrayKeys);
    this.onObject = onObject;
    this.maxChars = limits.maxRecordChars ?? DEFAULT_READ_LIMITS.maxRecordChars;
    this.maxDepth = limits.maxJsonDepth ?? DEFAULT_READ_LIMITS.maxJsonDepth;
  }

  /** Feeds decoded text. Throws a SyntaxError naming the line on malformed structure. */
  push(text: string): void {
    let captureStart = this.captureDepth >= 0 ? 0 : -1;
    const n = text.length;
    // Where the key being read started in this chunk (keys are kept only outside captured elements).
    let keyStart = 0;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          if (c === 10) this.line++;
          continue;
        }
        // The string's plain characters in a tight loop: up to a quote, a backslash or a line break.
        while (c !== 34 && c !== 92 && c !== 10) {
          if (++i >= n) break;
          c = text.charCodeAt(i);
        }
        if (i >= n) break;
        if (c === 10) this.line++;
        else if (c === 92) this.escape = true;
        else {
          this.inString = false;
          if (this.keyMode) {
            this.keyMode = false;
            this.addKeyText(text, keyStart, i);
            this.pendingKey = this.keyText;
          }
        }
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        if (c === 10) this.line++;
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      // A value starting directly inside a captured array.
      if (top && top.type === 'a' && top.capture && this.captureDepth < 0 && c !== 44 && c !== 93) {
        if (c === 123) {
          this.captureDepth = this.stack.length;
          this.captureLine = this.line;
          captureStart = i;
          this.captured = '';
          this.capturedChars = 0;
        } else if (c !== 91) this.scalars++;
      }
      if (c === 34) {
        this.inString = true;
        if (top?.type === 'o' && this.expectKey) {
          this.expectKey = false;
          if (this.captureDepth < 0) {
            this.keyMode = true;
            this.keyText = '';
            keyStart = i + 1;
          }
        }
      } else if (c === 123 || c === 91) {
        if (!top) {
          if (this.sawTopLevel) throw new SyntaxError(`Unexpected second JSON value at line ${this.line}`);
          this.sawTopLevel = true;
        }
        const capture = c === 91 && this.captureDepth < 0 && (!top || (top.type === 'o' && this.pendingKey !== null && this.arrayKeys.has(this.pendingKey)));
        if (this.stack.length >= this.maxDepth) throw new TooDeepError(this.line, this.maxDepth);
        this.stack.push({ type: c === 123 ? 'o' : 'a', capture });
        this.expectKey = c === 123;
        this.pendingKey = null;
      } else if (c === 125 || c === 93) {
        const closed = this.stack.pop();
        if (!closed || (closed.type === 'o') !== (c === 125)) {
          throw new SyntaxError(`Unexpected "${text[i]}" at line ${this.line}`);
        }
        this.pendingKey = null;
        if (this.captureDepth >= 0 && this.stack.length === this.captureDepth) {
          const raw = this.captured + text.slice(captureStart, i + 1);
          if (raw.length > this.maxChars) throw new RecordTooLongError(this.captureLine, this.maxChars);
          this.captureDepth = -1;
          this.captured = '';
          this.capturedChars = 0;
          captureStart = -1;
          let value: unknown;
          try {
            value = JSON.parse(raw);
          } catch (error) {
            throw new SyntaxError(`${(error as Error).message} (in the element starting on line ${this.captureLine})`, { cause: error });
          }
          this.onObject(value, this.captureLine, raw);
        }
      } else if (c === 44) {
        if (top?.type === 'o') this.expectKey = true;
        this.pendingKey = top?.type === 'o' ? null : this.pendingKey;
      } else if (c === 58) {
        // key/value separator: pendingKey stays set for the value that follows.
      } else if (!top && !this.sawTopLevel) {
        throw new SyntaxError(`Expected a JSON array or object at line ${this.line}`);
      }
    }
    if (this.inString && this.keyMode) this.addKeyText(text, keyStart, n);
    if (this.captureDepth >= 0 && captureStart >= 0) {
      this.capturedChars += n - captureStart;
      if (this.capturedChars > this.maxChars) throw new RecordTooLongError(this.captureLine, this.maxChars);
      this.captured += text.slice(captureStart);
    }
  }

  /** Adds a piece of the key being read (a key longer than MAX_KEY is never a record-array key: the rest is dropped). */
  private addKeyText(text: string, from: number, to: number): void {
    if (this.keyText.length <= MAX_KEY) this.keyText += text.slice(from, Math.min(to, from + MAX_KEY + 1));
  }

  /** Ends the input; throws when the document is cut short. */
  end(): void {
    if (!this.sawTopLevel) throw new SyntaxError('The file holds no JSON array or object');
    if (this.stack.length > 0 || this.inString) {
      throw new SyntaxError(`The JSON document ends early (line ${this.line}): ${this.stack.length} bracket(s) left open`);
    }
  }
}
