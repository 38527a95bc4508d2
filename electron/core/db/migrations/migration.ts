import type { Database } from 'better-sqlite3';

/** One numbered step of the schema history. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
