/**
 * The "how is this computed" text shown beside every figure, in English and Korean. It restates
 * docs/metrics.md (the one definition), including its notes on what the engine does where the original
 * requirement was silent or differs.
 */
export type DefinitionId =
  | 'buckets'
  | 'filters'
  | 'volume'
  | 'firstMessages'
  | 'datacost'
  | 'chargeable'
  | 'messageSize'
  | 'charge'
  | 'perRecipient'
  | 'optout'
  | 'coverage'
  | 'funnel'
  | 'timeToOptOut'
  | 'refusals'
  | 'urls'
  | 'urlLag'
  | 'indexedWithoutNotice'
  | 'topDomains'
  | 'overview'
  | 'markersAround';

export interface Definition {
  title: { en: string; ko: string };
  text: { en: string; ko: string };
}

export const metricDefinitions: Record<DefinitionId, Definition> = {
  buckets: {
    title: { en: 'Time buckets', ko: '기간 구간' },
    text: {
      en: 'Days, ISO weeks (starting Monday, labelled 2016-W10) and months are calendar buckets in the workspace time zone (default Asia/Seoul). The from and to dates are inclusive. Totals are distinct counts over the whole period, not sums of the buckets.',
      ko: '일, ISO 주(월요일 시작, 2016-W10 형식), 월은 워크스페이스 시간대(기본 Asia/Seoul)의 달력 기준 구간입니다. 시작일과 종료일을 모두 포함합니다. 합계는 구간별 값을 더한 것이 아니라 전체 기간에서 중복 없이 센 값입니다.',
    },
  },
  filters: {
    title: { en: 'Filters', ko: '필터' },
    text: {
      en: 'A sender or category filter narrows every input of a metric. Consent events without a sender are platform-wide and always count. URL events have no sender or category, so those filters do not apply to URL figures.',
      ko: '발신 업체나 분류 필터는 지표의 모든 입력을 좁힙니다. 발신 업체가 없는 동의 이벤트는 플랫폼 전체에 적용되므로 항상 포함됩니다. URL 이벤트에는 발신 업체나 분류가 없어 URL 지표에는 이 필터가 적용되지 않습니다.',
    },
  },
  volume: {
    title: { en: 'Notifications', ko: '알림 건수' },
    text: {
      en: 'The number of notifications per bucket, in total and by status (sent, delivered, failed, blocked, fallback SMS), with breakdowns by category, sender and template.',
      ko: '구간별 알림 건수입니다. 전체 건수와 상태별(발송, 수신 완료, 실패, 차단, SMS 대체 발송) 건수를 보여 주며, 분류·발신 업체·템플릿별로 나눠 볼 수 있습니다.',
    },
  },
  firstMessages: {
    title: { en: 'First and later messages', ko: '첫 메시지와 이후 메시지' },
    text: {
      en: "A chargeable message is the first of its (recipient, sender) pair when no chargeable message of that pair was sent earlier (ordered by sent time, ties by event id), looking at the whole workspace, not just the filtered period. With the cost model's 'per recipient' setting, only a recipient's very first message counts as first.",
      ko: '과금 대상 메시지 중, 같은 수신자·발신 업체 쌍에서 더 먼저 보낸 과금 대상 메시지가 없으면 첫 메시지입니다(발송 시각 순, 같으면 이벤트 ID 순). 필터 기간만이 아니라 워크스페이스 전체를 기준으로 판단합니다. 비용 모델에서 "수신자 기준"을 고르면 수신자가 처음 받은 메시지 한 건만 첫 메시지로 셉니다.',
    },
  },
  datacost: {
    title: { en: 'Data charges', ko: '데이터 요금' },
    text: {
      en: 'The data that notifications cost their recipients: total bytes of chargeable messages, the number of chargeable and first messages, distinct recipients, and the estimated charge in KRW as a low–high range.',
      ko: '알림 때문에 수신자가 쓴 데이터입니다. 과금 대상 메시지의 총 바이트, 과금 대상 메시지 수와 첫 메시지 수, 중복 없는 수신자 수, 원화 예상 요금(하한–상한)을 보여 줍니다.',
    },
  },
  chargeable: {
    title: { en: 'Chargeable messages', ko: '과금 대상 메시지' },
    text: {
      en: 'A message is chargeable when its status is sent or delivered. Failed and blocked messages were not received; fallback SMS went by SMS, not mobile data.',
      ko: '상태가 발송 또는 수신 완료인 메시지가 과금 대상입니다. 실패·차단된 메시지는 받지 않았고, SMS 대체 발송은 모바일 데이터가 아닌 문자로 전달되었습니다.',
    },
  },
  messageSize: {
    title: { en: 'Message size', ko: '메시지 크기' },
    text: {
      en: "A message's size is its byte count when the export has one; otherwise the cost model's size: the first message of its pair counts as the first-message size (default 15,360 bytes), every later one as the later-message size (default 2,048 bytes).",
      ko: '내보낸 파일에 바이트 수가 있으면 그 값을, 없으면 비용 모델의 크기를 씁니다. 쌍의 첫 메시지는 첫 메시지 크기(기본 15,360바이트), 이후 메시지는 이후 메시지 크기(기본 2,048바이트)로 셉니다.',
    },
  },
  charge: {
    title: { en: 'Estimated charge', ko: '예상 요금' },
    text: {
      en: 'Estimated charge (KRW) = bytes / 1,024 × tariff per KiB (low and high) × cellular share. Messages known to arrive on wifi cost nothing; messages known to arrive on cellular count in full; the cellular share applies to messages of unknown network.',
      ko: '예상 요금(원) = 바이트 ÷ 1,024 × KiB당 요금(하한·상한) × 셀룰러 비율. 와이파이로 받은 것이 확인된 메시지는 요금이 없고, 셀룰러로 받은 것이 확인된 메시지는 전부 셉니다. 셀룰러 비율은 네트워크를 알 수 없는 메시지에 적용합니다.',
    },
  },
  perRecipient: {
    title: { en: 'Per recipient', ko: '수신자별 분포' },
    text: {
      en: 'Recipients grouped by the total bytes of the chargeable messages they received in the period (sizes from the cost model where unknown).',
      ko: '기간 중 받은 과금 대상 메시지의 총 바이트로 수신자를 나눈 분포입니다(크기를 모르는 메시지는 비용 모델 크기 적용).',
    },
  },
  optout: {
    title: { en: 'Opt-out rate', ko: '수신 거부율' },
    text: {
      en: 'Per bucket: reached = distinct recipients who received at least one notification whose status is not failed; opted out = distinct recipients with an opt-out or block event; rate = opted out / reached (none when nobody was reached). With a sender filter both sides count only that sender’s notifications and that sender’s or platform-wide consent events.',
      ko: '구간별로, 도달 = 실패가 아닌 알림을 한 건 이상 받은 중복 없는 수신자 수, 거부 = 수신 거부 또는 차단 이벤트가 있는 중복 없는 수신자 수, 거부율 = 거부 ÷ 도달(도달이 0이면 없음). 발신 업체 필터를 쓰면 그 업체의 알림과 그 업체 또는 플랫폼 전체의 동의 이벤트만 셉니다.',
    },
  },
  coverage: {
    title: { en: 'Notice coverage', ko: '고지 도달률' },
    text: {
      en: "For each (recipient, sender) pair whose first chargeable message falls in the period: covered when the recipient has a notice-shown event for that sender or platform-wide at or before that first message's sent time. Coverage = covered / pairs, per bucket of the first message.",
      ko: '첫 과금 대상 메시지가 기간 안에 있는 수신자·발신 업체 쌍마다, 그 첫 메시지 발송 시각 이전(같은 시각 포함)에 그 업체 또는 플랫폼 전체의 고지 표시 이벤트가 있으면 고지된 것으로 봅니다. 도달률 = 고지된 쌍 ÷ 전체 쌍이며, 첫 메시지가 속한 구간별로 셉니다.',
    },
  },
  funnel: {
    title: { en: 'Funnel', ko: '단계별 흐름' },
    text: {
      en: 'Pairs whose first message is in the period → of those, pairs whose recipient was ever shown the notice (that sender or platform-wide) → of those, pairs whose recipient opted out or blocked (that sender or platform-wide) at or after the first message.',
      ko: '첫 메시지가 기간 안에 있는 쌍 → 그중 수신자에게 (그 업체 또는 플랫폼 전체) 고지가 한 번이라도 표시된 쌍 → 그중 첫 메시지 이후 수신 거부나 차단을 한 쌍.',
    },
  },
  timeToOptOut: {
    title: { en: 'Time to opt-out', ko: '수신 거부까지 걸린 시간' },
    text: {
      en: "For pairs whose first message is in the period and whose recipient later opted out or blocked (that sender or platform-wide): the time from the first message to the first such event at or after it.",
      ko: '첫 메시지가 기간 안에 있고 이후 수신 거부나 차단(그 업체 또는 플랫폼 전체)을 한 쌍에서, 첫 메시지부터 그 이후 첫 거부·차단까지 걸린 시간입니다.',
    },
  },
  refusals: {
    title: { en: 'Refusals honoured', ko: '수신 거부 이행' },
    text: {
      en: 'A notification of any status but failed (so SMS fallback counts) is a violation when, at its sent time, the latest of the recipient’s opt-in, opt-out, block and unblock events for that sender or platform-wide, strictly before it, is an opt-out or a block.',
      ko: '실패가 아닌 모든 알림(SMS 대체 발송 포함)은, 발송 시각보다 엄밀히 앞선 그 수신자의 (그 업체 또는 플랫폼 전체) 수신 동의·거부·차단·차단 해제 이벤트 중 가장 최근 것이 거부나 차단이면 위반입니다.',
    },
  },
  urls: {
    title: { en: 'URL sharing and indexing', ko: 'URL 공유와 검색 노출' },
    text: {
      en: 'Per bucket: distinct URLs with a shared, an indexed and a served event in the bucket.',
      ko: '구간별로 공유, 색인, 검색 노출 이벤트가 있는 중복 없는 URL 수입니다.',
    },
  },
  urlLag: {
    title: { en: 'Sharing-to-indexing lag', ko: '공유부터 색인까지 걸린 시간' },
    text: {
      en: 'For URLs with both a shared and a later indexed event: the hours from the first shared to the first indexed event. The median of an even count is the mean of the two middle values.',
      ko: '공유 이벤트와 그 뒤 색인 이벤트가 모두 있는 URL에서, 첫 공유부터 첫 색인까지의 시간입니다. 개수가 짝수이면 가운데 두 값의 평균을 중앙값으로 씁니다.',
    },
  },
  indexedWithoutNotice: {
    title: { en: 'Indexed without notice', ko: '고지 없이 색인된 URL' },
    text: {
      en: "A URL counts when its first indexed event is earlier than the workspace's URL-use notice date (the effective date of its first published URL-use disclosure). With no URL-use notice published, every indexed URL counts.",
      ko: 'URL의 첫 색인 이벤트가 워크스페이스의 URL 이용 고지일(처음 게시된 URL 이용 고지의 시행일)보다 앞서면 셉니다. 게시된 URL 이용 고지가 없으면 색인된 모든 URL을 셉니다.',
    },
  },
  topDomains: {
    title: { en: 'Top domains', ko: '상위 도메인' },
    text: {
      en: 'Distinct URLs with an indexed event in the period, grouped by host name.',
      ko: '기간 중 색인 이벤트가 있는 중복 없는 URL을 호스트 이름별로 묶은 수입니다.',
    },
  },
  overview: {
    title: { en: 'Trend against the previous period', ko: '이전 기간 대비' },
    text: {
      en: 'Each card compares the filtered period with the period of equal length just before it. Rates change in percentage points.',
      ko: '각 카드는 필터 기간과 바로 앞의 같은 길이 기간을 비교합니다. 비율은 퍼센트포인트로 변화를 나타냅니다.',
    },
  },
  markersAround: {
    title: { en: 'Before and after a marker', ko: '표시 전후 비교' },
    text: {
      en: 'Opt-out rate and notice coverage over the N days before the marker date and over the marker date and the N − 1 days after it, and the difference (after − before).',
      ko: '표시 날짜 전 N일과, 표시 날짜를 포함한 이후 N일의 수신 거부율과 고지 도달률, 그리고 그 차이(이후 − 이전)입니다.',
    },
  },
};
