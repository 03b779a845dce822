import { defineMessages } from './define.ts';

/**
 * Writing and verifying an evidence pack (docs/evidence.md): every reason nothing was written or a
 * pack could not be read, naming the folder or file.
 */
export const evidenceMessages = defineMessages({
  'evidence.bad-period': {
    en: 'The period is backwards: it starts on {from} and ends on {to}. Give a start on or before the end.',
    ko: '기간이 거꾸로입니다. 시작일 {from}이(가) 종료일 {to}보다 늦습니다. 시작일을 종료일과 같거나 이전으로 정하세요.',
  },
  'evidence.bad-date': {
    en: '"{date}" is not a date: write it as YYYY-MM-DD, e.g. 2016-06-30.',
    ko: '"{date}"은(는) 날짜가 아닙니다. 2016-06-30처럼 YYYY-MM-DD로 쓰세요.',
  },
  'evidence.out-not-empty': {
    en: '{folder} already exists and is not empty. Name a new folder for the evidence pack (nothing was written).',
    ko: '{folder} 폴더가 이미 있고 비어 있지 않습니다. 증거 자료를 넣을 새 폴더를 지정하세요(아무것도 쓰지 않았습니다).',
  },
  'evidence.out-not-folder': {
    en: '{folder} exists and is a file, not a folder. Name a new folder for the evidence pack (nothing was written).',
    ko: '{folder}은(는) 폴더가 아니라 파일입니다. 증거 자료를 넣을 새 폴더를 지정하세요(아무것도 쓰지 않았습니다).',
  },
  'evidence.zip-exists': {
    en: '{file} already exists. Remove it or name another folder for the evidence pack (nothing was written).',
    ko: '{file} 파일이 이미 있습니다. 지우거나 증거 자료를 넣을 다른 폴더를 지정하세요(아무것도 쓰지 않았습니다).',
  },
  'evidence.write-failed': {
    en: 'The evidence pack could not be written to {folder}: {reason}. Nothing was left behind.',
    ko: '증거 자료를 {folder}에 쓰지 못했습니다: {reason}. 쓰다 만 파일은 남기지 않았습니다.',
  },
  'evidence.events-other-period': {
    en: 'The warehouse’s figures were read for {eventsFrom} to {eventsTo}, but the pack is for {from} to {to}. Nothing was written; write the pack again.',
    ko: '웨어하우스 수치는 {eventsFrom}~{eventsTo} 기간으로 읽었지만 증거 자료는 {from}~{to} 기간입니다. 아무것도 쓰지 않았습니다. 증거 자료를 다시 만드세요.',
  },
  'evidence.unreadable': {
    en: '{file} could not be read as an evidence pack: {reason}.',
    ko: '{file}을(를) 증거 자료로 읽을 수 없습니다: {reason}.',
  },
});
