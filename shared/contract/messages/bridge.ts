import { defineMessages } from './define.ts';

/** Browser mode's loopback bridge: refused requests, request bodies and uploads. */
export const bridgeMessages = defineMessages({
  'bridge.unauthorized': {
    en: 'The local bridge refused the request: it did not carry this launch’s token. Open the address Notice Desk printed when it started in browser mode.',
    ko: '로컬 브리지가 요청을 거부했습니다: 이번 실행의 토큰이 없습니다. 브라우저 모드를 시작할 때 Notice Desk가 출력한 주소로 여세요.',
  },
  'bridge.wrong-origin': {
    en: 'The local bridge refused a request from {origin}: only Notice Desk’s own page ({expected}) may call it.',
    ko: '로컬 브리지가 {origin}에서 온 요청을 거부했습니다. Notice Desk 자신의 페이지({expected})만 호출할 수 있습니다.',
  },
  'bridge.wrong-host': {
    en: 'The local bridge refused a request addressed to {host}: it answers only {expected}.',
    ko: '로컬 브리지가 다른 호스트 이름({host})으로 온 요청을 거부했습니다. {expected} 주소로 온 요청에만 응답합니다.',
  },
  'bridge.bad-json': {
    en: 'The body of the call {call} is not valid JSON: {reason}',
    ko: '{call} 호출의 본문이 올바른 JSON이 아닙니다: {reason}',
  },
  'bridge.body-too-large': {
    en: 'The body of the call {call} is larger than the {limit} limit of a call; nothing was done.',
    ko: '{call} 호출의 본문이 호출 한도 {limit}보다 커서 아무것도 하지 않았습니다.',
  },
  'bridge.upload-too-large': {
    en: '{file} is larger than the {limit} upload limit of browser mode; nothing was kept. Import it with the desktop app or the notice-desk command instead.',
    ko: '{file} 파일이 브라우저 모드의 업로드 한도 {limit}보다 커서 저장하지 않았습니다. 데스크톱 앱이나 notice-desk 명령으로 가져오세요.',
  },
  'bridge.upload-failed': {
    en: 'The upload of {file} failed: {reason}. Nothing was kept; try again.',
    ko: '{file} 파일 업로드에 실패했습니다: {reason}. 저장된 것은 없습니다. 다시 시도하세요.',
  },
  'bridge.method-not-allowed': {
    en: '{path} does not accept {method} requests.',
    ko: '{method} 요청을 받지 않는 주소입니다: {path}',
  },
  'bridge.not-found': {
    en: '{path} was not found.',
    ko: '찾을 수 없습니다: {path}',
  },
});
