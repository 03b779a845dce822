import { dayLabel, parseDay } from '../../../shared/metrics/calendar.ts';
import type { MarkerAroundResult, MarkerWindowFigures } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { coverageOf, optOutFigures } from './consent.ts';
import { resolveScope } from './scope.ts';

function windowFigures(db: Db, from: number, to: number, senders: string[], categories: string[]): MarkerWindowFigures {
  const scope = resolveScope(db, { from: dayLabel(from), to: dayLabel(to), by: 'day', senders, categories });
  const q = scope.query!;
  return { from: dayLabel(from), to: dayLabel(to), ...optOutFigures(db, q), ...coverageOf(db, q) };
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Opt-out rate and coverage over the N days before a date and the date plus N − 1 days after, with the difference. */
export function computeAround(
  db: Db,
  input: { date: string; days: number; senders?: string[]; categories?: string[] },
): MarkerAroundResult {
  const day = parseDay(input.date);
  const senders = input.senders ?? [];
  const categories = input.categories ?? [];
  const before = windowFigures(db, day - input.days, day - 1, senders, categories);
  const after = windowFigures(db, day, day + input.days - 1, senders, categories);
  return {
    date: input.date,
    days: input.days,
    before,
    after,
    difference: { rate: diff(after.rate, before.rate), coverage: diff(after.coverage, before.coverage) },
  };
}
