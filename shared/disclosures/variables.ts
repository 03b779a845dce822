import type { Locale } from './types.ts';

/**
 * Template variables (`{{name}}`) and their values from the workspace cost model (docs/metrics.md).
 */

/** The cost model the variables are computed from (docs/metrics.md defaults). */
export interface DisclosureCostModel {
  firstMessageBytes: number;
  laterMessageBytes: number;
  tariffKrwPerKiB: { low: number; high: number };
  cellularShare: number;
}

/** docs/metrics.md defaults: 15 KiB / 2 KiB, 0.025–0.5 KRW per KiB, cellular share 1.0. */
export const DEFAULT_COST_MODEL: DisclosureCostModel = {
  firstMessageBytes: 15_360,
  laterMessageBytes: 2_048,
  tariffKrwPerKiB: { low: 0.025, high: 0.5 },
  cellularShare: 1,
};

/** Values a team sets per workspace (not derived from the cost model). */
export interface VariableOverrides {
  sender_name?: string;
  service_name?: string;
  settings_path?: string;
  refuse_keyword?: string;
  support_contact?: string;
}

/** Every known variable, with a short description per locale (the studio lists them). */
export const VARIABLE_DESCRIPTIONS: Record<string, { ko: string; en: string }> = {
  first_message_kb: { ko: '처음 받는 메시지의 데이터 양(KB)', en: 'Data used by the first message from a sender (KB)' },
  later_message_kb: { ko: '그다음 메시지마다의 데이터 양(KB)', en: 'Data used by each later message (KB)' },
  charge_per_message_krw: { ko: '메시지 한 건의 예상 데이터 요금 범위(원)', en: 'Estimated data charge per message, low–high (KRW)' },
  first_message_charge_krw: { ko: '처음 받는 메시지의 예상 요금 범위(원)', en: 'Estimated charge of the first message (KRW)' },
  later_message_charge_krw: { ko: '그다음 메시지의 예상 요금 범위(원)', en: 'Estimated charge of each later message (KRW)' },
  tariff_per_kb_krw: { ko: '1KB당 데이터 요금 범위(원)', en: 'Data tariff per KB, low–high (KRW)' },
  sender_name: { ko: '보내는 곳 이름', en: 'Sender name' },
  service_name: { ko: '서비스 이름', en: 'Service name' },
  settings_path: { ko: '알림을 끄는 설정 경로', en: 'Where the off switch is' },
  refuse_keyword: { ko: '수신 거부 답장 문구', en: 'Reply word that refuses messages' },
  support_contact: { ko: '문의처', en: 'Support contact' },
};

/** Variable names the engine knows. */
export const KNOWN_VARIABLES = Object.keys(VARIABLE_DESCRIPTIONS);

const DEFAULT_TEXT: Record<Locale, Required<VariableOverrides>> = {
  ko: {
    sender_name: '보내는 곳',
    service_name: '알림톡',
    settings_path: '카카오톡 설정 > 알림',
    refuse_keyword: '수신거부',
    support_contact: '고객센터',
  },
  en: {
    sender_name: 'the sender',
    service_name: 'AlimTalk',
    settings_path: 'Settings > Notifications',
    refuse_keyword: 'STOP',
    support_contact: 'our help centre',
  },
};

/** Formats a number with at most `digits` decimals and no trailing zeros (locale-neutral). */
export function formatAmount(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '0';
  const fixed = value.toFixed(digits).replace(/\.?0+$/, '');
  const [int, frac] = fixed.split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

function range(low: number, high: number, locale: Locale): string {
  const a = formatAmount(low);
  const b = formatAmount(high);
  if (a === b) return a;
  return locale === 'ko' ? `${a}~${b}` : `${a}–${b}`;
}

/** The value of every known variable for one locale, from a cost model and overrides. */
export function variableValues(
  locale: Locale,
  model: DisclosureCostModel = DEFAULT_COST_MODEL,
  overrides: VariableOverrides = {},
): Record<string, string> {
  const firstKb = model.firstMessageBytes / 1024;
  const laterKb = model.laterMessageBytes / 1024;
  const share = model.cellularShare;
  const { low, high } = model.tariffKrwPerKiB;
  const text = { ...DEFAULT_TEXT[locale] };
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value === 'string' && value.trim()) (text as Record<string, string>)[key] = value.trim();
  }
  return {
    first_message_kb: formatAmount(firstKb, 1),
    later_message_kb: formatAmount(laterKb, 1),
    charge_per_message_krw: range(laterKb * low * share, firstKb * high * share, locale),
    first_message_charge_krw: range(firstKb * low * share, firstKb * high * share, locale),
    later_message_charge_krw: range(laterKb * low * share, laterKb * high * share, locale),
    tariff_per_kb_krw: range(low, high, locale),
    ...text,
  };
}

/** `{{ name }}` in source text; group 1 is the name. */
export const VARIABLE_PATTERN = /\{\{\s*([A-Za-z0-9_.-]*)\s*\}\}/g;

/** Replaces every known `{{name}}` by its value; unknown variables are left as written. */
export function substituteVariables(text: string, values: Record<string, string>): string {
  return text.replace(VARIABLE_PATTERN, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole,
  );
}

/** Every `{{name}}` whose name is not in `values`, with its source range. */
export function unknownVariables(
  text: string,
  values: Record<string, string>,
): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(VARIABLE_PATTERN)) {
    if (!Object.prototype.hasOwnProperty.call(values, m[1]!)) {
      out.push({ name: m[1]!, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}
