import type { CostModel, CostModelField, CostModelFieldInfo, CostModelInfo } from './types.ts';

/** The defaults: Kakao's own averages and the tariff range cited in the 2016 KCC case. */
export const defaultCostModel: CostModel = {
  firstMessageBytes: 15_360,
  laterMessageBytes: 2_048,
  firstScope: 'pair',
  tariffLowKrwPerKiB: 0.025,
  tariffHighKrwPerKiB: 0.5,
  cellularShare: 1,
};

/** Where each default comes from (shown beside the field in the cost model editor). */
export const costModelSources: Record<CostModelField, { en: string; ko: string }> = {
  firstMessageBytes: {
    en: "15 KiB: Kakao's own average for the first notification message from a sender (KCC decision, December 2016).",
    ko: '15KiB: 발신 업체가 처음 보낸 알림 메시지의 평균 크기로 카카오가 직접 밝힌 값 (방송통신위원회 의결, 2016년 12월).',
  },
  laterMessageBytes: {
    en: "2 KiB: Kakao's own average for each later message from the same sender (KCC decision, December 2016).",
    ko: '2KiB: 같은 업체가 이후에 보낸 메시지 한 건의 평균 크기로 카카오가 직접 밝힌 값 (방송통신위원회 의결, 2016년 12월).',
  },
  firstScope: {
    en: 'Per (recipient, sender) pair: the first message from each sender carries the sender profile. Per recipient counts only the very first message a recipient ever received.',
    ko: '수신자·발신 업체 쌍마다: 업체별 첫 메시지에 발신 프로필이 함께 내려받아집니다. 수신자 기준은 수신자가 처음 받은 메시지 한 건만 첫 메시지로 셉니다.',
  },
  tariffLowKrwPerKiB: {
    en: 'KRW 0.025 per KiB: the low end of the data tariff range cited in the 2016 complaint.',
    ko: 'KiB당 0.025원: 2016년 신고에서 인용된 데이터 요금 범위의 하한.',
  },
  tariffHighKrwPerKiB: {
    en: 'KRW 0.5 per KiB: the high end of the data tariff range cited in the 2016 complaint (pay-per-use plans).',
    ko: 'KiB당 0.5원: 2016년 신고에서 인용된 데이터 요금 범위의 상한 (종량제 요금).',
  },
  cellularShare: {
    en: '1.0: every message of unknown network is assumed to arrive over mobile data (the conservative reading). Messages known to arrive on wifi cost nothing.',
    ko: '1.0: 네트워크를 알 수 없는 메시지는 모두 모바일 데이터로 받았다고 봅니다 (보수적 가정). 와이파이로 받은 것이 확인된 메시지는 요금이 없습니다.',
  },
};

const fieldOrder: CostModelField[] = [
  'firstMessageBytes',
  'laterMessageBytes',
  'firstScope',
  'tariffLowKrwPerKiB',
  'tariffHighKrwPerKiB',
  'cellularShare',
];

/** The stored (possibly partial) cost model merged over the defaults. */
export function resolveCostModel(stored: Partial<CostModel> | null | undefined): CostModel {
  const model = { ...defaultCostModel, ...(stored ?? {}) };
  if (model.tariffHighKrwPerKiB < model.tariffLowKrwPerKiB) {
    model.tariffHighKrwPerKiB = model.tariffLowKrwPerKiB;
  }
  return model;
}

/** The cost model with its defaults and sources, as the editor shows it. */
export function describeCostModel(model: CostModel): CostModelInfo {
  return {
    model,
    defaults: defaultCostModel,
    fields: fieldOrder.map(
      (field): CostModelFieldInfo => ({
        field,
        value: model[field],
        defaultValue: defaultCostModel[field],
        isDefault: model[field] === defaultCostModel[field],
        source: costModelSources[field],
      }),
    ),
  };
}
