import { dayLabel, parseDay } from '../../../shared/metrics/calendar.ts';
import type { CoverageFigures, MarkerAroundResult, MarkerWindowFigures, OptOutFigures } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { coverageOf, optOutFigures } from './consent.ts';
import { resolveScope, type FilterInput } from './scope.ts';

/** What `around` is asked. */
export interface AroundInput {
  date: string;
  days: number;
  senders?: string[];
  categories?: string[];
}

/** The two windows' filters: the N days before the date, and the date plus N − 1 days after (both engines). */
export function aroundWindows(input: AroundInput): [FilterInput, FilterInput] {
  const day = parseDay(input.date);
  const window = (from: number, to: number): FilterInput => ({
    from: dayLabel(from),
    to: dayLabel(to),
    by: 'day',
    senders: input.senders ?? [],
    categories: input.categories ?? [],
  });
  return [window(day - input.days, day - 1), window(day, day + input.days - 1)];
}

/** One window's figures as the result shows them. */
export function windowFigures(window: FilterInput, optOut: OptOutFigures, coverage: CoverageFigures): MarkerWindowFigures {
  return { from: window.from!, to: window.to!, ...optOut, ...coverage };
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** The result from the two windows' figures, with the difference (after − before) (both engines). */
export function assembleAround(input: AroundInput, before: MarkerWindowFigures, after: MarkerWindowFigures): MarkerAroundResult {
  return {
    date: input.date,
    days: input.days,
    before,
    after,
    difference: { rate: diff(after.rate, before.rate), coverage: diff(after.coverage, before.coverage) },
  };
}

function figuresOf(db: Db, window: FilterInput): MarkerWindowFigures {
  const q = resolveScope(db, { from: window.from!, to: window.to!, by: 'day', senders: window.senders!, categories: window.categories! }).query!;
  return windowFigures(window, optOutFigures(db, q), coverageOf(db, q));
}

/** Opt-out rate and coverage over the N days before a date and the date plus N − 1 days after, with the difference. */
export function computeAround(db: Db, input: AroundInput): MarkerAroundResult {
  const [before, after] = aroundWindows(input);
  return assembleAround(input, figuresOf(db, before), figuresOf(db, after));
}
