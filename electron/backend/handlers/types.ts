import type { CallName, ParsedInputOf, ResultOf } from '../../../shared/contract/index.ts';
import type { HandlerContext } from '../context.ts';

/** The implementation of one call: parsed input in, result out. */
export type Handler<K extends CallName> = (
  input: ParsedInputOf<K>,
  ctx: HandlerContext,
) => Promise<ResultOf<K>> | ResultOf<K>;

/** The implementation of every call named in `Names` (one domain's part of the handler map). */
export type HandlersFor<Names extends CallName> = { [K in Names]: Handler<K> };

/** The whole handler map. */
export type HandlerMap = HandlersFor<CallName>;
