/**
 * The one way a value reaches ClickHouse SQL (docs/warehouse.md): ClickHouse 18.16, the oldest server
 * we support, has no query parameters, so every filter value, sender name or key is written as a
 * literal by these functions and never concatenated by hand.
 */

const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\0': '\\0',
  '\b': '\\b',
  '\f': '\\f',
  '\r': '\\r',
  '\n': '\\n',
  '\t': '\\t',
};

/** A ClickHouse string literal for any text (quotes, backslashes and control characters escaped). */
export function sqlString(value: string): string {
  let out = "'";
  for (const ch of value) {
    const esc = STRING_ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else {
      const code = ch.codePointAt(0)!;
      out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
    }
  }
  return out + "'";
}

/** A ClickHouse integer literal; anything but a safe integer is refused (never written into SQL). */
export function sqlInt(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`not a safe integer: ${String(value)}`);
  return String(value);
}

/** An array literal of strings (`['a', 'b']`). */
export function sqlStrings(values: readonly string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}

/**
 * The right side of an IN (`('a', 'b')`): 18.16 takes a tuple there, not an array. Never empty (an
 * empty list is a caller's mistake: there is nothing it could match).
 */
export function sqlInTuple(values: readonly string[]): string {
  if (values.length === 0) throw new TypeError('an IN list needs at least one value');
  return `(${values.map(sqlString).join(', ')})`;
}

/** An array literal of integers (`[1, 2]`). */
export function sqlInts(values: readonly number[]): string {
  return `[${values.map(sqlInt).join(', ')}]`;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A database, table or cluster name. Only plain names (letters, digits, underscore; 64 at most) are
 * accepted, so a name is never a way into the statement; it is then back-quoted.
 */
export function sqlIdent(name: string): string {
  if (!IDENT.test(name)) throw new TypeError(`not a plain ClickHouse name: ${JSON.stringify(name)}`);
  return '`' + name + '`';
}

/** Whether a name is acceptable to `sqlIdent` (for validating user input with a clear message). */
export function isPlainIdent(name: string): boolean {
  return IDENT.test(name);
}
