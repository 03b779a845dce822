import { defineMessages } from './define.ts';

/**
 * The fallback wording of every error code, used when an error carries no message key of its own:
 * the renderer shows it in the user's language, with the backend's English detail beneath.
 */
export const codeMessages = defineMessages({
  'code.bad-input': { en: 'The request was not valid.', ko: '요청이 올바르지 않습니다.' },
  'code.unknown-call': { en: 'The app asked for something this version does not know.', ko: '이 버전에서 알 수 없는 요청입니다.' },
  'code.untrusted-sender': { en: 'The request did not come from Notice Desk’s own window and was refused.', ko: 'Notice Desk 창에서 온 요청이 아니어서 거부했습니다.' },
  'code.unauthorized': { en: 'The request was refused: it did not carry this launch’s token.', ko: '이번 실행의 토큰이 없는 요청이어서 거부했습니다.' },
  'code.no-workspace': { en: 'No workspace is open. Create or open one first.', ko: '열린 워크스페이스가 없습니다. 먼저 워크스페이스를 만들거나 여세요.' },
  'code.not-found': { en: 'It could not be found.', ko: '찾을 수 없습니다.' },
  'code.workspace-too-new': { en: 'This workspace was made by a newer version of Notice Desk.', ko: '이 워크스페이스는 더 새로운 버전의 Notice Desk로 만들어졌습니다.' },
  'code.not-a-workspace': { en: 'This file is not a Notice Desk workspace.', ko: '이 파일은 Notice Desk 워크스페이스가 아닙니다.' },
  'code.file-unreadable': { en: 'The file could not be read.', ko: '파일을 읽을 수 없습니다.' },
  'code.unsupported-format': { en: 'The file is not in a format Notice Desk can read.', ko: 'Notice Desk가 읽을 수 없는 형식의 파일입니다.' },
  'code.cancelled': { en: 'Cancelled.', ko: '취소했습니다.' },
  'code.conflict': { en: 'It conflicts with what is already there.', ko: '이미 있는 항목과 충돌합니다.' },
  'code.too-large': { en: 'The input is larger than the limit.', ko: '입력이 한도보다 큽니다.' },
  'code.path-not-allowed': { en: 'Notice Desk only uses files and folders you chose yourself.', ko: 'Notice Desk는 직접 고른 파일과 폴더만 사용합니다.' },
  'code.untrusted-workspace': { en: 'This workspace file contains something Notice Desk did not create and was not opened.', ko: '이 워크스페이스 파일에 Notice Desk가 만들지 않은 항목이 있어 열지 않았습니다.' },
  'code.unavailable': { en: 'The data warehouse could not answer. Local work is not affected.', ko: '데이터 웨어하우스가 응답하지 못했습니다. 로컬 작업에는 영향이 없습니다.' },
  'code.internal': { en: 'Something went wrong inside Notice Desk.', ko: 'Notice Desk 내부에서 문제가 생겼습니다.' },
});
