import { defineMessages } from './define.ts';

/**
 * Reading a `.noticereview` file (docs/review.md#reviewers-elsewhere): every reason a file is refused,
 * naming the file and, where there is one, the entry inside it. Nothing is merged from a refused file.
 */
export const reviewFileMessages = defineMessages({
  'review-file.not-zip': {
    en: '{file} is not a review file: it is not a zip archive. Choose the .noticereview file Notice Desk wrote.',
    ko: '{file} 파일은 검토 파일이 아닙니다(zip 압축 파일이 아님). Notice Desk가 쓴 .noticereview 파일을 고르세요.',
  },
  'review-file.damaged': {
    en: '{file}: the zip archive is damaged at "{entry}" ({reason}). Nothing was read from it.',
    ko: '{file}: zip 압축 파일의 "{entry}" 부분이 손상되었습니다({reason}). 이 파일에서는 아무것도 읽지 않았습니다.',
  },
  'review-file.too-many-entries': {
    en: '{file} is too large: it holds {count} entries, and a review file holds at most {limit}. Nothing was read from it.',
    ko: '{file} 파일이 너무 큽니다. 항목이 {count}개인데 검토 파일의 항목은 {limit}개까지입니다. 이 파일에서는 아무것도 읽지 않았습니다.',
  },
  'review-file.entry-too-large': {
    en: '{file}, entry "{entry}": too large, it unpacks to more than the limit of {limit} for one entry. Nothing was read from this file.',
    ko: '{file}의 "{entry}" 항목이 너무 큽니다. 압축을 풀면 항목 하나의 한도({limit})보다 커집니다. 이 파일에서는 아무것도 읽지 않았습니다.',
  },
  'review-file.unpacked-too-large': {
    en: '{file} is too large: its entries unpack to more than the limit of {limit} together (reached in entry "{entry}"). Nothing was read from this file.',
    ko: '{file} 파일이 너무 큽니다. 항목들의 압축을 풀면 합계가 한도({limit})보다 커집니다("{entry}" 항목에서 도달). 이 파일에서는 아무것도 읽지 않았습니다.',
  },
  'review-file.bad-path': {
    en: '{file} holds an entry with a path a review file never has ("{entry}": absolute, with "..", a backslash or an empty part). It was not opened.',
    ko: '{file} 파일에 검토 파일에 있을 수 없는 경로의 항목이 있습니다("{entry}": 절대 경로, "..", 역슬래시 또는 빈 부분). 파일을 열지 않았습니다.',
  },
  'review-file.duplicate-entry': {
    en: '{file} holds the entry "{entry}" more than once. It was not written by Notice Desk, or was changed.',
    ko: '{file} 파일에 "{entry}" 항목이 두 번 이상 있습니다. Notice Desk가 쓴 파일이 아니거나 바뀐 파일입니다.',
  },
  'review-file.no-manifest': {
    en: '{file} has no manifest.json: it is not a review file written by Notice Desk.',
    ko: '{file} 파일에 manifest.json이 없습니다. Notice Desk가 쓴 검토 파일이 아닙니다.',
  },
  'review-file.bad-manifest': {
    en: '{file}: manifest.json cannot be read ({reason}).',
    ko: '{file}: manifest.json을 읽을 수 없습니다({reason}).',
  },
  'review-file.unknown-format': {
    en: '{file} is a review file of format "{format}", which this version of Notice Desk does not read (it reads {supported}). Update Notice Desk.',
    ko: '{file} 파일은 이 버전의 Notice Desk가 읽지 못하는 형식("{format}")의 검토 파일입니다(읽을 수 있는 형식: {supported}). Notice Desk를 업데이트하세요.',
  },
  'review-file.entry-missing': {
    en: '{file} lacks the entry "{entry}". It was changed after Notice Desk wrote it, or is incomplete.',
    ko: '{file} 파일에 "{entry}" 항목이 없습니다. Notice Desk가 쓴 뒤 바뀌었거나 불완전한 파일입니다.',
  },
  'review-file.entry-extra': {
    en: '{file} holds an entry its manifest does not list or a review file never has ("{entry}"). It was changed after Notice Desk wrote it.',
    ko: '{file} 파일에 매니페스트에 없거나 검토 파일에 있을 수 없는 항목("{entry}")이 있습니다. Notice Desk가 쓴 뒤 바뀐 파일입니다.',
  },
  'review-file.entry-changed': {
    en: '{file}: the entry "{entry}" is not what its manifest records (its size or SHA-256 differs). It was changed after Notice Desk wrote it.',
    ko: '{file}: "{entry}" 항목이 매니페스트에 적힌 것과 다릅니다(크기 또는 SHA-256 불일치). Notice Desk가 쓴 뒤 바뀐 파일입니다.',
  },
  'review-file.version-hash': {
    en: '{file}: version {number} in "{entry}" claims SHA-256 {claimed}…, but its contents hash to {actual}…. Its text or checks were changed; the file was refused.',
    ko: '{file}: "{entry}"의 {number}번 버전은 SHA-256이 {claimed}…라고 하지만 내용의 해시는 {actual}…입니다. 본문이나 점검 결과가 바뀌어 파일을 거부했습니다.',
  },
  'review-file.versions-order': {
    en: '{file}: the earlier versions are not in order before version {latest} (version {number} is not where it should be). The file was changed after Notice Desk wrote it.',
    ko: '{file}: 이전 버전들이 {latest}번 버전 앞에 순서대로 있지 않습니다({number}번 버전의 위치가 맞지 않음). Notice Desk가 쓴 뒤 바뀐 파일입니다.',
  },
  'review-file.manifest-disagrees': {
    en: '{file}: the manifest gives the {field} as "{claimed}", but {entry} holds "{actual}". The file was changed after Notice Desk wrote it.',
    ko: '{file}: 매니페스트에는 {field}이(가) "{claimed}"(으)로 적혀 있지만 {entry}에는 "{actual}"(으)로 되어 있습니다. Notice Desk가 쓴 뒤 바뀐 파일입니다.',
  },
  'review-file.bad-json': {
    en: '{file}: the entry "{entry}" is not what a review file holds ({reason}).',
    ko: '{file}: "{entry}" 항목의 내용이 검토 파일의 형식에 맞지 않습니다({reason}).',
  },
  'review-file.duplicate-id': {
    en: '{file}: the id {id} appears more than once in "{entry}". The file was changed after Notice Desk wrote it.',
    ko: '{file}: "{entry}"에 id {id}이(가) 두 번 이상 있습니다. Notice Desk가 쓴 뒤 바뀐 파일입니다.',
  },
  'review-file.thread-later': {
    en: '{file}: thread {thread} was made on version {made}, but the file carries version {number}. The file was changed after Notice Desk wrote it.',
    ko: '{file}: 스레드 {thread}은(는) {made}번 버전에서 만들어졌지만 이 파일에 담긴 버전은 {number}번입니다. Notice Desk가 쓴 뒤 바뀐 파일입니다.',
  },
  'review-file.thread-other-disclosure': {
    en: '{file}: thread {thread} belongs to disclosure {other}, not to disclosure {id} that the file carries.',
    ko: '{file}: 스레드 {thread}은(는) 이 파일에 담긴 고지문 {id}번이 아니라 고지문 {other}번의 것입니다.',
  },
  'review-file.decision-later': {
    en: '{file}: decision {decision} is on version {decided}, but the file carries version {number}. The file was changed after Notice Desk wrote it.',
    ko: '{file}: 결정 {decision}은(는) {decided}번 버전에 대한 것인데 이 파일에 담긴 버전은 {number}번입니다. Notice Desk가 쓴 뒤 바뀐 파일입니다.',
  },
  'review-file.decision-hash': {
    en: '{file}: decision {decision} was made on version {number} with SHA-256 {claimed}…, but that version in the file hashes to {actual}…. The decision was not made on this text.',
    ko: '{file}: 결정 {decision}은(는) SHA-256이 {claimed}…인 {number}번 버전에 대한 것인데, 파일의 그 버전은 {actual}…입니다. 이 본문에 대한 결정이 아닙니다.',
  },
  'review-file.anchor-outside': {
    en: '{file}: thread {id} points at characters {start}–{end} of version {number}\'s {locale} text, which has {length}.',
    ko: '{file}: 스레드 {id}이(가) {number}번 버전의 {locale} 본문({length}자)에 없는 위치({start}–{end})를 가리킵니다.',
  },
});
