import { defineMessages } from './define.ts';

/** Opening, creating and migrating workspaces; the watched folder a workspace names. */
export const workspaceMessages = defineMessages({
  'workspace.none-open': {
    en: 'No workspace is open. Create or open one first.',
    ko: '열린 워크스페이스가 없습니다. 먼저 워크스페이스를 만들거나 여세요.',
  },
  'workspace.too-new': {
    en: '{file} was written by a newer Notice Desk (schema {version}; this app knows up to {latest}). Update Notice Desk to open it; the file was left untouched.',
    ko: '더 새로운 Notice Desk로 만든 워크스페이스입니다: {file} (스키마 {version}, 이 앱은 {latest}까지 지원). Notice Desk를 업데이트한 뒤 여세요. 파일은 건드리지 않았습니다.',
  },
  'workspace.untrusted-objects': {
    en: '{file} was not opened: it contains database objects that Notice Desk did not create, or that were changed or removed ({objects}). Such objects could alter imported data without showing it. Nothing in the file was changed; open only workspaces from people you trust, or ask for a fresh copy.',
    ko: '워크스페이스를 열지 않았습니다: {file}. Notice Desk가 만들지 않았거나, 바뀌었거나, 빠진 데이터베이스 객체가 있습니다({objects}). 이런 객체는 가져온 데이터를 드러나지 않게 바꿀 수 있습니다. 파일은 전혀 바꾸지 않았습니다. 믿을 수 있는 사람의 워크스페이스만 열거나, 새 사본을 요청하세요.',
  },
  'workspace.not-a-workspace': {
    en: '{file} is not a Notice Desk workspace (not a SQLite file).',
    ko: 'Notice Desk 워크스페이스가 아닙니다(SQLite 파일이 아님): {file}',
  },
  'workspace.exists-not-workspace': {
    en: '{file} exists and is not a Notice Desk workspace; it was not overwritten. Choose another file name.',
    ko: '같은 이름의 파일이 이미 있고 Notice Desk 워크스페이스가 아닙니다: {file}. 덮어쓰지 않았습니다. 다른 파일 이름을 고르세요.',
  },
  'workspace.exists': {
    en: '{file} already exists. Open it instead, or choose another file name.',
    ko: '같은 이름의 파일이 이미 있습니다: {file}. 그 파일을 열거나 다른 파일 이름을 고르세요.',
  },
  'workspace.missing': {
    en: '{file} does not exist.',
    ko: '파일이 없습니다: {file}',
  },
  'workspace.bad-time-zone': {
    en: 'Unknown time zone: {zone}. Use an IANA name such as Asia/Seoul.',
    ko: '알 수 없는 시간대입니다: {zone}. Asia/Seoul 같은 IANA 이름을 쓰세요.',
  },
  'workspace.job-cancelled-before': {
    en: 'The job was cancelled before it started.',
    ko: '작업이 시작되기 전에 취소했습니다.',
  },
  'workspace.job-cancelled': {
    en: 'The job was cancelled; nothing it had started was kept.',
    ko: '작업을 취소했습니다. 작업이 시작한 변경은 하나도 남기지 않았습니다.',
  },
  'workspace.worker-stopped': {
    en: 'The background worker stopped ({reason}).',
    ko: '백그라운드 작업자가 멈췄습니다({reason}).',
  },
  'workspace.watch-not-confirmed': {
    en: 'This workspace watches {folder}, which was not confirmed on this computer.',
    ko: '이 워크스페이스에 지켜볼 폴더가 설정되어 있지만 이 컴퓨터에서 아직 확인하지 않았습니다: {folder}',
  },
});
