import type { Adapter } from '../types.ts';
import { canonicalAdapter } from './canonical.ts';

/** Every adapter, in the order auto-detection tries them (specific vendors first, canonical last). */
export const adapters: readonly Adapter[] = [canonicalAdapter];

/** The adapter with this name, or undefined. */
export function adapterByName(name: string): Adapter | undefined {
  return adapters.find((a) => a.name === name);
}
