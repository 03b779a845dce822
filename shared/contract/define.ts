import type { z } from 'zod';

/** One call of the contract: the zod schema of its input and (as a type only) its result. */
export interface CallSpec<S extends z.ZodType, R> {
  readonly input: S;
  /** Never read at run time: carries the result type. */
  readonly result?: R;
}

/**
 * Declares a call: `call<Result>()(inputSchema)`. Curried so the result type is written
 * while the input schema type is inferred.
 */
export function call<R>() {
  return <S extends z.ZodType>(input: S): CallSpec<S, R> => ({ input });
}

/** A map of `domain:verb` names to call specs. */
export type CallMap = Record<`${string}:${string}`, CallSpec<z.ZodType, unknown>>;
