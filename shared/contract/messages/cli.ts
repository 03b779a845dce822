import { defineMessages } from './define.ts';

/** Messages of the `notice-desk` command line: bad arguments, checked before any file is touched. */
export const cliMessages = defineMessages({
  'cli.bad-date': {
    en: '{option} must be a calendar date as YYYY-MM-DD (got "{value}").',
    ko: '{option} 옵션에는 YYYY-MM-DD 형식의 실제 날짜를 써야 합니다(받은 값: "{value}").',
  },
  'cli.date-order': {
    en: '--from ({from}) is after --to ({to}).',
    ko: '--from 날짜({from})가 --to 날짜({to})보다 늦습니다.',
  },
  'cli.too-many': {
    en: '{option} may be given at most {limit} times (got {count}).',
    ko: '{option} 옵션은 최대 {limit}번까지 쓸 수 있습니다(받은 횟수: {count}).',
  },
  'cli.mapping-unreadable': {
    en: '{file}: cannot read the mapping file ({reason}).',
    ko: '{file}: 매핑 파일을 읽을 수 없습니다({reason}).',
  },
  'cli.mapping-too-large': {
    en: '{file}: too large for a mapping file (the limit is {limit}).',
    ko: '{file}: 매핑 파일로 보기에는 너무 큽니다(한도 {limit}).',
  },
  'cli.mapping-not-json': {
    en: '{file}: the mapping is not valid JSON (line {line}): {reason}',
    ko: '{file}: 매핑이 올바른 JSON이 아닙니다({line}번째 줄): {reason}',
  },
  'cli.mapping-invalid': {
    en: '{file}: entry "{entry}": {expected}',
    ko: '{file}: "{entry}" 항목: {expected}',
  },
  'cli.no-such-file': {
    en: '{file}: no such file or folder to import.',
    ko: '{file}: 가져올 파일이나 폴더가 없습니다.',
  },
  'cli.mapping-conflict': {
    en: '{option} "{value}" disagrees with the mapping, which is for {kind} through the generic adapter.',
    ko: '{option} 값("{value}")이 매핑과 맞지 않습니다. 매핑은 generic 어댑터로 {kind} 이벤트를 가져옵니다.',
  },
  'cli.mapping-and-preset': {
    en: 'Give either --mapping or --preset, not both.',
    ko: '--mapping과 --preset 중 하나만 쓰세요.',
  },
  'cli.preset-not-found': {
    en: 'No saved mapping preset named "{name}" in {file}. Saved presets: {names}.',
    ko: '{file}에 이름이 "{name}"인 저장된 매핑 프리셋이 없습니다. 저장된 프리셋: {names}.',
  },
  'cli.workspace-missing': {
    en: '{file}: no such workspace (a preset is read from an existing workspace).',
    ko: '{file}: 워크스페이스가 없습니다(프리셋은 이미 있는 워크스페이스에서 읽습니다).',
  },
});
