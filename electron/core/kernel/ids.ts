/** Identifiers the core mints (sales, request and idempotency keys, users): random UUIDs, never guessable. */
import { randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}
