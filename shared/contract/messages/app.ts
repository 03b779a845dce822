import { defineMessages } from './define.ts';

/** Background jobs, metrics, disclosures, the demo and the import adapters. */
export const appMessages = defineMessages({
  'jobs.unknown': { en: 'Unknown background job: {job}.', ko: '알 수 없는 백그라운드 작업입니다: {job}.' },
  'metrics.bad-date': {
    en: '{field} must be a calendar date as YYYY-MM-DD (got "{date}").',
    ko: '{field} 값은 YYYY-MM-DD 형식의 실제 날짜여야 합니다(입력: "{date}").',
  },
  'metrics.period-reversed': {
    en: 'The period ends ({to}) before it starts ({from}).',
    ko: '기간의 끝({to})이 시작({from})보다 앞섭니다.',
  },
  'metrics.marker-missing': {
    en: 'No marker with id {id} (disclosure markers cannot be removed here).',
    ko: 'ID가 {id}인 표식이 없습니다(고지문 표식은 여기서 지울 수 없습니다).',
  },
  'metrics.worker-stopped': {
    en: 'The metrics worker stopped: {reason}',
    ko: '지표 계산 작업자가 멈췄습니다: {reason}',
  },
  'disclosures.not-found': {
    en: 'Disclosure {id} does not exist (it may have been deleted).',
    ko: '고지문 {id}번이 없습니다(삭제되었을 수 있습니다).',
  },
  'disclosures.locked': {
    en: '"{title}" is {status} and cannot be edited: the version under review, or signed off, is what it holds. Withdraw it from review to edit it, or start a new draft from it.',
    ko: '고지문 "{title}": 지금 상태({status})에서는 고칠 수 없습니다. 검토 중이거나 승인된 버전이기 때문입니다. 고치려면 검토를 철회하거나, 이 고지문에서 새 초안을 시작하세요.',
  },
  'disclosures.changed-elsewhere': {
    en: '"{title}" was changed elsewhere (version {version}). Reload it before saving.',
    ko: '고지문 "{title}": 다른 곳에서 바뀌었습니다(버전 {version}). 저장하기 전에 다시 불러오세요.',
  },
  'disclosures.bad-transition': {
    en: 'A {from} disclosure cannot become {to} (allowed: {allowed}).',
    ko: '고지문 상태를 바꿀 수 없습니다: {from} → {to} (가능한 상태: {allowed})',
  },
  'disclosures.published-no-delete': {
    en: '"{title}" has been published; retire it instead of deleting it (the record must stay).',
    ko: '고지문 "{title}": 이미 게시되었습니다. 기록이 남아야 하므로 삭제하지 말고 게시를 종료하세요.',
  },
  'disclosures.folder-missing': { en: '{file}: the folder does not exist.', ko: '폴더가 없습니다: {file}' },
  'disclosures.write-failed': {
    en: '{file}: could not write the file ({reason}).',
    ko: '파일을 쓸 수 없습니다: {file} ({reason})',
  },
  'disclosures.resource-missing': { en: '{file}: the file is missing.', ko: '파일이 없습니다: {file}' },
  'disclosures.resources-folder-missing': {
    en: 'The resources folder (rules, templates, fonts) was not found.',
    ko: '리소스 폴더(규칙, 템플릿, 글꼴)를 찾지 못했습니다.',
  },
  'app.only-http-links': { en: 'Only http(s) links can be opened.', ko: 'http(s) 링크만 열 수 있습니다.' },
  'demo.not-a-workspace': {
    en: '{file} exists and is not a Notice Desk workspace; the demo was not written there.',
    ko: '같은 이름의 파일이 있고 Notice Desk 워크스페이스가 아니어서 예제를 쓰지 않았습니다: {file}',
  },
  'demo.own-data': {
    en: '{file} is a workspace with your own data; the demo was not written over it. Choose another path.',
    ko: '직접 가져온 데이터가 있는 워크스페이스라서 예제로 덮어쓰지 않았습니다: {file}. 다른 경로를 고르세요.',
  },
  'imports.not-a-folder': { en: '{folder} is not a folder.', ko: '폴더가 아닙니다: {folder}' },
  'imports.import-missing': { en: 'Import {id} does not exist.', ko: '가져오기 {id}번이 없습니다.' },
  'adapters.kind-unknown': {
    en: '{file}: the header has none of sent_at, occurred_at + action, or url, so the kind of event is unknown.',
    ko: '{file}: 머리글에 sent_at, occurred_at + action, url 중 어느 것도 없어 어떤 이벤트인지 알 수 없습니다.',
  },
  'adapters.mapping-needed': {
    en: '{file}: the generic adapter needs a column mapping (or a saved preset for this header).',
    ko: '{file}: 일반 형식으로 가져오려면 열 지정(또는 이 머리글에 맞는 저장된 프리셋)이 필요합니다.',
  },
  'adapters.mapping-column-missing': {
    en: '{file}: the mapping names a column "{column}" that the header does not have.',
    ko: '{file}: 열 지정에 있는 "{column}" 열이 머리글에 없습니다.',
  },
  'adapters.unknown': { en: 'Unknown adapter: {adapter}.', ko: '알 수 없는 가져오기 형식입니다: {adapter}.' },
  'adapters.unsupported-csv': {
    en: '{file}: not a supported export. Found a CSV header of {header}; expected the canonical format (columns sent_at, occurred_at + action, or url) or one of the supported vendor exports. Map its columns with the column mapper (generic adapter).',
    ko: '{file}: 지원하는 내보내기 형식이 아닙니다. CSV 머리글: {header}. 표준 형식(sent_at, occurred_at + action, url 열)이나 지원하는 업체 내보내기 형식이어야 합니다. 열 지정 화면(일반 형식)에서 열을 지정하세요.',
  },
  'adapters.unsupported-json': {
    en: '{file}: not a supported export. Found JSON records with fields {fields}; expected the canonical format (fields sent_at, occurred_at + action, or url) or one of the supported vendor exports.',
    ko: '{file}: 지원하는 내보내기 형식이 아닙니다. JSON 레코드의 필드: {fields}. 표준 형식(sent_at, occurred_at + action, url 필드)이나 지원하는 업체 내보내기 형식이어야 합니다.',
  },
  'adapters.unsupported-empty-json': {
    en: '{file}: not a supported export. Found JSON with no records.',
    ko: '{file}: 지원하는 내보내기 형식이 아닙니다. 레코드가 없는 JSON입니다.',
  },
});
