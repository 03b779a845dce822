import fs from 'node:fs';
import { userError } from '../../../shared/contract/errors.ts';
import { genericMappingSchema, type GenericMapping, type MappingPreset } from '../../../shared/contract/imports.ts';
import { MAPPED_FIELDS } from '../../../shared/import/column-guess.ts';
import { isValidTimeZone } from '../../../shared/time-zone.ts';

/** Largest mapping file read (a mapping is a few hundred bytes; anything this big is not one). */
export const MAX_MAPPING_BYTES = 1024 * 1024;

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * Reads a column mapping for `notice-desk import --mapping`: the mapping the app's column mapper
 * saves (`{"kind", "columns", "timestampFormat", "timeZone"}`), bare or inside a preset as the app
 * keeps it (`{"name", "header", "mapping": {…}}`). Every error names the file, and the line or the
 * entry, and what was expected; nothing is written.
 */
export function readMappingFile(file: string): GenericMapping {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_MAPPING_BYTES) throw userError('too-large', 'cli.mapping-too-large', { file, limit: '1 MiB' });
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof Error && 'key' in error) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw userError('file-unreadable', 'cli.mapping-unreadable', { file, reason });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : 1;
    throw userError('bad-input', 'cli.mapping-not-json', { file, line, reason: message.replace(/\s*\(line \d+ column \d+\)$/, '') });
  }
  const candidate = json !== null && typeof json === 'object' && !Array.isArray(json) && 'mapping' in json ? (json as Partial<MappingPreset>).mapping : json;
  const entryPrefix = candidate === json ? '' : 'mapping.';
  const parsed = genericMappingSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const entry = entryPrefix + (issue.path.length ? issue.path.join('.') : '(the whole file)');
    const expected =
      issue.path.length === 0
        ? 'an object {"kind", "columns", "timestampFormat", "timeZone"} as the app\'s column mapper saves it'
        : issue.path[0] === 'kind'
          ? 'notifications, consent or urls'
          : issue.message;
    throw userError('bad-input', 'cli.mapping-invalid', { file, entry, expected });
  }
  const mapping = parsed.data;
  const fields = MAPPED_FIELDS[mapping.kind];
  for (const field of Object.keys(mapping.columns)) {
    if (!fields.includes(field)) {
      throw userError('bad-input', 'cli.mapping-invalid', { file, entry: `${entryPrefix}columns.${field}`, expected: `a field of ${mapping.kind}: ${fields.join(', ')}` });
    }
  }
  if (mapping.timeZone !== null && !isValidTimeZone(mapping.timeZone)) {
    throw userError('bad-input', 'cli.mapping-invalid', { file, entry: `${entryPrefix}timeZone`, expected: 'an IANA time zone such as Asia/Seoul, or null' });
  }
  return mapping;
}
