import { defineMessages } from './define.ts';

/**
 * A workspace whose events live in ClickHouse (docs/warehouse.md): every way the warehouse can fail,
 * naming the server, user or table, and saying that local work goes on.
 */
export const warehouseMessages = defineMessages({
  'warehouse.unreachable': {
    en: 'The ClickHouse server at {url} could not be reached ({reason}). Check the address and that the server is running; local work is not affected.',
    ko: '{url}의 ClickHouse 서버에 연결하지 못했습니다({reason}). 주소와 서버 실행 여부를 확인하세요. 로컬 작업에는 영향이 없습니다.',
  },
  'warehouse.auth': {
    en: 'ClickHouse at {url} refused user "{user}": the user name or password is wrong.',
    ko: '{url}의 ClickHouse가 사용자 "{user}"을(를) 거부했습니다. 사용자 이름이나 비밀번호가 틀립니다.',
  },
  'warehouse.no-password': {
    en: 'No password for ClickHouse user "{user}" at {url}. Set NOTICE_DESK_CLICKHOUSE_PASSWORD, give --password-file, or enter it in the app (the desktop app keeps it in the system keychain).',
    ko: '{url}의 ClickHouse 사용자 "{user}"의 비밀번호가 없습니다. NOTICE_DESK_CLICKHOUSE_PASSWORD를 설정하거나 --password-file을 주거나 앱에서 입력하세요(데스크톱 앱은 시스템 키체인에 보관합니다).',
  },
  'warehouse.password-file': {
    en: 'The password file {file} cannot be used: {reason}. It must be a regular file readable only by its owner (chmod 600).',
    ko: '비밀번호 파일 {file}을(를) 쓸 수 없습니다: {reason}. 소유자만 읽을 수 있는 일반 파일이어야 합니다(chmod 600).',
  },
  'warehouse.missing-table': {
    en: 'The warehouse database "{database}" has no table {table}. Create the tables with `notice-desk workspace init … --clickhouse` or the DDL of `notice-desk warehouse schema`.',
    ko: '웨어하우스 데이터베이스 "{database}"에 {table} 테이블이 없습니다. `notice-desk workspace init … --clickhouse`나 `notice-desk warehouse schema`의 DDL로 테이블을 만드세요.',
  },
  'warehouse.timeout': {
    en: 'ClickHouse took longer than {seconds} s to answer and the query was stopped. Narrow the period or the filters, or ask the server’s administrator.',
    ko: 'ClickHouse 응답이 {seconds}초를 넘어 쿼리를 중단했습니다. 기간이나 필터를 좁히거나 서버 관리자에게 문의하세요.',
  },
  'warehouse.failed': {
    en: 'ClickHouse at {url} answered with an error: {reason}',
    ko: '{url}의 ClickHouse가 오류로 응답했습니다: {reason}',
  },
  'warehouse.bad-url': {
    en: '"{url}" is not a ClickHouse address: give an http:// or https:// URL such as http://localhost:8123.',
    ko: '"{url}"은(는) ClickHouse 주소가 아닙니다. http://localhost:8123처럼 http:// 또는 https:// 주소를 주세요.',
  },
  'warehouse.bad-name': {
    en: '"{name}" cannot be used as a ClickHouse {what} name: use letters, digits and underscores (64 at most), starting with a letter or underscore.',
    ko: '"{name}"은(는) ClickHouse {what} 이름으로 쓸 수 없습니다. 영문자, 숫자, 밑줄(최대 64자)만 쓰고 영문자나 밑줄로 시작하세요.',
  },
  'warehouse.zone-mismatch': {
    en: 'The warehouse keeps days in time zone {warehouseZone}, but this workspace uses {workspaceZone}. A ClickHouse workspace uses the warehouse’s time zone.',
    ko: '웨어하우스는 날짜를 {warehouseZone} 시간대로 저장하지만 이 워크스페이스는 {workspaceZone}을(를) 씁니다. ClickHouse 워크스페이스는 웨어하우스의 시간대를 씁니다.',
  },
  'warehouse.schema-too-new': {
    en: 'The warehouse schema is version {found}; this Notice Desk knows version {known}. Update Notice Desk.',
    ko: '웨어하우스 스키마 버전은 {found}인데 이 Notice Desk는 {known} 버전까지 압니다. Notice Desk를 업데이트하세요.',
  },
  'warehouse.upgrade-failed': {
    en: 'The warehouse schema is version {found} and must be upgraded to version {known} (a new table of first messages, filled from the events) before this workspace opens, which failed: {reason} Open it once as a user who may create tables and insert (e.g. the one that ran init).',
    ko: '웨어하우스 스키마 버전이 {found}이어서 이 워크스페이스를 열기 전에 버전 {known}(이벤트로 채우는 첫 메시지 테이블 추가)으로 올려야 하는데 실패했습니다: {reason} 테이블을 만들고 삽입할 수 있는 사용자(예: init을 실행한 사용자)로 한 번 여세요.',
  },
  'warehouse.shard-missing-tables': {
    en: 'Cluster {cluster}: shard(s) {shards} have no Notice Desk tables and this server cannot create them there (no distributed DDL). Run part 1 of `notice-desk warehouse schema --cluster {cluster}` on each of them, then run init again.',
    ko: '클러스터 {cluster}: 샤드 {shards}에 Notice Desk 테이블이 없고 이 서버에서 그곳에 만들 수 없습니다(분산 DDL 없음). 각 샤드에서 `notice-desk warehouse schema --cluster {cluster}`의 1부를 실행한 뒤 다시 init 하세요.',
  },
  'warehouse.shards-need-cluster': {
    en: 'Shard addresses are for a cluster: give the cluster’s name too, or leave the shard addresses empty.',
    ko: '샤드 주소는 클러스터에 쓰입니다. 클러스터 이름도 입력하거나 샤드 주소를 비워 두세요.',
  },
  'warehouse.not-warehouse-workspace': {
    en: 'The open workspace is not a ClickHouse workspace: it has no warehouse password to set.',
    ko: '열린 워크스페이스는 ClickHouse 워크스페이스가 아니어서 설정할 웨어하우스 비밀번호가 없습니다.',
  },
  'warehouse.evidence-local-only': {
    en: 'This workspace’s events are in ClickHouse, and the evidence pack was asked to read them from the workspace file, which holds none. Nothing was written; write the pack from the app or `notice-desk evidence`, which read the warehouse.',
    ko: '이 워크스페이스의 이벤트는 ClickHouse에 있는데, 증거 자료가 이벤트가 없는 워크스페이스 파일에서 읽도록 요청되었습니다. 아무것도 쓰지 않았습니다. 웨어하우스를 읽는 앱이나 `notice-desk evidence`로 다시 만드세요.',
  },
  'warehouse.zone-fixed': {
    en: 'The time zone of a ClickHouse workspace is the warehouse’s ({zone}): its days are stored in it. Make a new warehouse database to use another zone.',
    ko: 'ClickHouse 워크스페이스의 시간대는 웨어하우스의 시간대({zone})입니다. 날짜가 그 시간대로 저장되어 있습니다. 다른 시간대를 쓰려면 새 웨어하우스 데이터베이스를 만드세요.',
  },
});
