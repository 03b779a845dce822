import type { Db } from '../connection.ts';

/** One numbered, append-only schema step. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
