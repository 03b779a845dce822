import { defineMessages } from './define.ts';

/** Reading an export: files that cannot be read, formats not recognised, and the input limits. */
export const importMessages = defineMessages({
  'imports.file-missing': {
    en: '{file}: no such file or folder.',
    ko: '{file}: 파일이나 폴더가 없습니다.',
  },
  'imports.file-unreadable': {
    en: '{file}: the file could not be read ({reason}).',
    ko: '{file}: 파일을 읽을 수 없습니다({reason}).',
  },
  'imports.gzip-damaged': {
    en: '{file}: the gzip data is damaged ({reason}). Nothing was imported from it.',
    ko: '{file}: gzip 압축 데이터가 손상되었습니다({reason}). 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.zip-damaged': {
    en: '{file}: the zip archive is damaged at entry "{entry}" ({reason}). Nothing was imported from it.',
    ko: '{file}: zip 압축 파일의 "{entry}" 항목이 손상되었습니다({reason}). 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.empty': {
    en: '{file}: the file is empty.',
    ko: '{file}: 빈 파일입니다.',
  },
  'imports.binary': {
    en: '{file}: this is not a text export (CSV, TSV, NDJSON or JSON); it looks like a binary file.',
    ko: '{file}: 텍스트 내보내기 파일(CSV, TSV, NDJSON, JSON)이 아닙니다. 바이너리 파일로 보입니다.',
  },
  'imports.not-json': {
    en: '{file}: not valid JSON — {reason}.',
    ko: '{file}: 올바른 JSON이 아닙니다 — {reason}.',
  },
  'imports.no-day-files': {
    en: '{file}: a folder or zip is read as a Slack export, but it holds no <channel>/<YYYY-MM-DD>.json files.',
    ko: '{file}: 폴더나 zip 파일은 Slack 내보내기로 읽는데, <채널>/<YYYY-MM-DD>.json 파일이 하나도 없습니다.',
  },
  'imports.record-too-long': {
    en: '{file}, line {line}: the record is longer than the limit of {limit} characters (is a line break or a closing quote missing?). Nothing was imported from this file.',
    ko: '{file}, {line}번째 줄: 레코드 길이가 한도({limit}자)를 넘습니다(줄바꿈이나 닫는 따옴표가 빠졌나요?). 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.entry-record-too-long': {
    en: '{file}, entry "{entry}", line {line}: the record is longer than the limit of {limit} characters. Nothing was imported from this file.',
    ko: '{file}의 "{entry}" 항목, {line}번째 줄: 레코드 길이가 한도({limit}자)를 넘습니다. 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.too-deep': {
    en: '{file}, line {line}: the JSON nests arrays and objects deeper than the limit of {limit} levels. Nothing was imported from this file.',
    ko: '{file}, {line}번째 줄: JSON의 배열과 객체가 한도({limit}단계)보다 깊게 중첩되어 있습니다. 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.entry-too-deep': {
    en: '{file}, entry "{entry}", line {line}: the JSON nests arrays and objects deeper than the limit of {limit} levels. Nothing was imported from this file.',
    ko: '{file}의 "{entry}" 항목, {line}번째 줄: JSON의 배열과 객체가 한도({limit}단계)보다 깊게 중첩되어 있습니다. 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.unpacked-too-large': {
    en: '{file}: unpacks to more than the limit of {limit}. Nothing was imported from this file.',
    ko: '{file}: 압축을 풀면 한도({limit})보다 커집니다. 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.zip-too-large': {
    en: '{file}: its entries unpack to more than the limit of {limit} together (reached in entry "{entry}"). Nothing was imported from this file.',
    ko: '{file}: 항목들의 압축을 풀면 합계가 한도({limit})보다 커집니다("{entry}" 항목에서 도달). 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.entry-too-large': {
    en: '{file}, entry "{entry}": unpacks to more than the limit of {limit} for one entry. Nothing was imported from this file.',
    ko: '{file}의 "{entry}" 항목: 압축을 풀면 항목 하나의 한도({limit})보다 커집니다. 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.ratio': {
    en: '{file}: unpacks to more than {limit} times its packed size, which no real export does (a "zip bomb"?). Nothing was imported from this file.',
    ko: '{file}: 압축을 풀면 압축된 크기의 {limit}배를 넘습니다. 실제 내보내기 파일에서는 생기지 않는 일입니다(압축 폭탄일 수 있습니다). 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
  'imports.entry-ratio': {
    en: '{file}, entry "{entry}": unpacks to more than {limit} times its packed size, which no real export does (a "zip bomb"?). Nothing was imported from this file.',
    ko: '{file}의 "{entry}" 항목: 압축을 풀면 압축된 크기의 {limit}배를 넘습니다. 실제 내보내기 파일에서는 생기지 않는 일입니다(압축 폭탄일 수 있습니다). 이 파일에서는 아무것도 가져오지 않았습니다.',
  },
});
