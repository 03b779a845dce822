import { defineMessages } from './define.ts';

/** A reviewer's overrule of a required-element verdict (the studio's checklist). */
export const checkMessages = defineMessages({
  'checks.unknown-element': {
    en: '"{element}" is not a required element of a {surface} notice (required: {allowed}).',
    ko: '"{element}" 항목은 {surface} 고지문의 필수 항목이 아닙니다(필수 항목: {allowed}).',
  },
  'checks.evidence-outside': {
    en: 'The chosen words ({start}–{end}) lie outside the saved text, which has {length} characters. Select them again.',
    ko: '고른 부분({start}–{end})이 저장된 본문({length}자) 밖에 있습니다. 다시 선택하세요.',
  },
  'checks.evidence-changed': {
    en: 'The saved text no longer reads "{quote}" at the chosen place: it was changed. Select the words again.',
    ko: '본문이 바뀌어 고른 자리에 다음 문구가 더 이상 없습니다: "{quote}". 다시 선택하세요.',
  },
  'checks.evidence-blank': {
    en: 'Choose the words that state the element: the selection holds only spaces or markup.',
    ko: '해당 항목이 적힌 부분을 고르세요. 지금 선택한 부분은 공백이나 서식 기호뿐입니다.',
  },
  'checks.already-present': {
    en: 'The checks already find "{element}" in this text; to disagree, mark it as not sufficient instead.',
    ko: '점검 결과 이 본문에는 이미 "{element}" 항목이 있습니다. 동의하지 않으면 "충분하지 않음"으로 판정하세요.',
  },
  'checks.already-missing': {
    en: 'The checks already report "{element}" as missing from this text; to disagree, mark it as present and choose where.',
    ko: '점검 결과 이 본문에는 이미 "{element}" 항목이 없습니다. 동의하지 않으면 "있음"으로 판정하고 해당 부분을 고르세요.',
  },
  'checks.frozen': {
    en: '"{title}" is {status}: its checklist can no longer be overruled once signed off. Start a new draft from it first.',
    ko: '고지문 "{title}": 지금 상태({status})에서는 점검 결과를 더 이상 뒤집을 수 없습니다(승인 이후). 먼저 이 고지문에서 새 초안을 시작하세요.',
  },
  'checks.missing-elements': {
    en: '"{title}" cannot become {to} while required elements are missing ({missing}). Add them, or have a reviewer overrule the checklist with a reason.',
    ko: '고지문 "{title}": 필수 항목이 빠져 있어 {to} 상태로 바꿀 수 없습니다({missing}). 빠진 항목을 넣거나, 검토자가 사유를 적어 점검 결과를 뒤집으세요.',
  },
  'checks.override-not-found': {
    en: 'Disclosure {id} has no override {overrideId} in force (it may have been withdrawn already).',
    ko: '고지문 {id}번에 유효한 판정 {overrideId}번이 없습니다(이미 철회되었을 수 있습니다).',
  },
});
