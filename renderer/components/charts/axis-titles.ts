import type { Bucket } from '../../../shared/charts/dates.ts';
import type { I18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';

/** A count axis's title with its bucket: "Messages per week" / "주별 메시지 수". */
export function perBucketTitle(t: I18n['t'], what: MessageKey, by: Bucket): string {
  return t('dashboards.axis.perBucket', { what: t(what), bucket: t(`dashboards.axis.per.${by}`) });
}
