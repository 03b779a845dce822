import { defineMessages } from './define.ts';

/** The review workflow: versions, decisions, comment threads, the audit trail (docs/review.md). */
export const reviewFlowMessages = defineMessages({
  'review.name-required': {
    en: 'Set your name in Settings first: {action} is recorded with the name of the person who does it.',
    ko: '먼저 설정에서 이름을 입력하세요. {action} 기록에는 한 사람의 이름이 남습니다.',
  },
  'review.reason-required': {
    en: 'Say what must change: requesting changes needs a reason.',
    ko: '무엇을 고쳐야 하는지 적어 주세요. 수정 요청에는 사유가 필요합니다.',
  },
  'review.no-version': {
    en: '"{title}" has not been submitted for review yet: there is no version to {action}.',
    ko: '고지문 "{title}"은(는) 아직 검토 요청되지 않아 {action}할 버전이 없습니다.',
  },
  'review.version-not-found': {
    en: '"{title}" has no version {number} (it has {count}).',
    ko: '고지문 "{title}"에 {number}번 버전이 없습니다(버전 {count}개).',
  },
  'review.stale-version': {
    en: 'The decision was made on version {decided} of "{title}", but version {latest} is the one in review now. Read the new version and decide again.',
    ko: '고지문 "{title}"의 {decided}번 버전에 대한 결정입니다. 지금 검토 중인 버전은 {latest}번입니다. 새 버전을 읽고 다시 결정하세요.',
  },
  'review.thread-not-found': {
    en: 'There is no comment thread {id} (it may have been deleted).',
    ko: '의견 스레드 {id}이(가) 없습니다(삭제되었을 수 있습니다).',
  },
  'review.comment-not-found': {
    en: 'There is no comment {id} (it may have been deleted).',
    ko: '의견 {id}이(가) 없습니다(삭제되었을 수 있습니다).',
  },
  'review.not-yours': {
    en: 'Only {author} can {action} this comment: your name in Settings is "{name}".',
    ko: '이 의견은 작성자({author})만 {action}할 수 있습니다. 설정의 이름은 "{name}"입니다.',
  },
  'review.anchor-outside': {
    en: 'The selected words ({start}–{end}) are not in version {number}\'s {locale} text as it reads now ({length} characters). Select them again.',
    ko: '고른 부분({start}–{end})이 {number}번 버전의 {locale} 본문({length}자)과 맞지 않습니다. 다시 선택하세요.',
  },
  'review.delete-reviewed': {
    en: '"{title}" has been through review ({count} versions): it cannot be deleted, only retired, so that its review record stays.',
    ko: '고지문 "{title}"은(는) 검토 기록(버전 {count}개)이 있어 삭제할 수 없습니다. 기록이 남도록 사용 중지만 할 수 있습니다.',
  },
  'review.file-unreadable': {
    en: '{file}: cannot read the file ({reason}).',
    ko: '{file}: 파일을 읽을 수 없습니다({reason}).',
  },
  'review.file-too-large': {
    en: '{file} is {size} bytes; review and Word files are read up to {limit} bytes.',
    ko: '{file} 파일은 {size}바이트입니다. 검토 파일과 Word 파일은 {limit}바이트까지 읽습니다.',
  },
  'review.file-other-workspace': {
    en: '{file} is for version {number} of "{title}" (SHA-256 {sha}…), which this workspace does not hold. Open the workspace it was sent from.',
    ko: '{file} 파일은 고지문 "{title}"의 {number}번 버전(SHA-256 {sha}…)에 대한 것인데, 이 워크스페이스에는 그 버전이 없습니다. 파일을 보낸 워크스페이스를 여세요.',
  },
  'review.docx-which': {
    en: '{file} does not say which disclosure it belongs to (it was not exported by Notice Desk). Name the disclosure (--id in the CLI).',
    ko: '{file} 파일에는 어느 고지문의 것인지 적혀 있지 않습니다(Notice Desk에서 내보낸 파일이 아님). 고지문을 지정하세요(CLI에서는 --id).',
  },
  'review.file-versions': {
    en: 'The review file does not hold its versions in order (version {number} is not where it should be): it was not written by Notice Desk, or was changed.',
    ko: '검토 파일의 버전 순서가 맞지 않습니다({number}번 버전). Notice Desk가 쓴 파일이 아니거나 바뀐 파일입니다.',
  },
  'review.not-review-file': {
    en: 'This is not a review file session: open a .noticereview file first.',
    ko: '검토 파일을 연 상태가 아닙니다. 먼저 .noticereview 파일을 여세요.',
  },
  'review.session-reviewer-only': {
    en: 'In a review file ({file}) a reviewer comments, resolves threads, rules on the checklist and approves or requests changes; "{call}" is the author\'s, in the workspace the file came from.',
    ko: '검토 파일({file})에서는 의견 달기, 스레드 해결, 체크리스트 판정, 승인 또는 수정 요청만 할 수 있습니다. "{call}"은(는) 파일을 보낸 워크스페이스에서 작성자가 합니다.',
  },
});
