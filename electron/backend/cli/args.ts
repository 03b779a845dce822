import { isCivilDate } from '../../../shared/charts/dates.ts';
import { userError } from '../../../shared/contract/errors.ts';

/**
 * Checks optional --from / --to dates before a command touches the file system: each must be an
 * existing calendar day (2016-13-01 and 2016-02-30 are refused) and --from may not be after --to.
 */
export function checkDateRange(from: string | undefined, to: string | undefined): void {
  for (const [option, value] of [['--from', from], ['--to', to]] as const) {
    if (value !== undefined && !isCivilDate(value)) throw userError('bad-input', 'cli.bad-date', { option, value });
  }
  if (from !== undefined && to !== undefined && from > to) throw userError('bad-input', 'cli.date-order', { from, to });
}

/** Refuses a repeated option given more times than the contract accepts. */
export function checkRepeats(option: string, values: readonly string[] | undefined, limit: number): void {
  const count = values?.length ?? 0;
  if (count > limit) throw userError('bad-input', 'cli.too-many', { option, limit, count });
}
