/**
 * The journal: the shop's append-only, hash-chained history of what is not a sale's own state change (those live
 * in sale_events, see ledger/chain.ts). Settings changed, people added or disabled, PINs reset, shifts opened and
 * closed, cash in and out, deposits, day closes: each is one entry with who, when, what (a `domain.verb` kind), about
 * what (subject) and the details, linked to the entry before it by SHA-256, so an edit, deletion, insertion or
 * reordering anywhere breaks the chain at that entry. Triggers (migration 005) refuse updates, deletes and gaps.
 *
 * `append` runs inside the caller's transaction when there is one (better-sqlite3 nests it as a savepoint), so an
 * entry is written together with the change it records, or not at all.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export const JOURNAL_GENESIS_HASH = '0'.repeat(64);

/** `domain.verb`, lower case: `settings.changed`, `user.added`, `shift.opened`, `day.closed`... */
const KIND_PATTERN = /^[a-z][a-z_]*\.[a-z][a-z_]*$/;

export type JournalDetail = Record<string, unknown>;

export interface JournalAppend {
  kind: string;
  /** Who did it (a user id); null for the app itself (start-up, a migration of data). */
  actorId: string | null;
  /** What it is about (a user id, a shift id, a setting key, a business day), for finding entries again. */
  subject?: string | null;
  detail: JournalDetail;
}

export interface JournalEntry {
  seq: number;
  at: string;
  actorId: string | null;
  kind: string;
  subject: string | null;
  detail: JournalDetail;
  hash: string;
}

export interface JournalHead {
  seq: number;
  hash: string;
}

export interface JournalReport {
  ok: boolean;
  entries: number;
  head: string;
  firstBroken: { seq: number; reason: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch'; message: string } | null;
}

export interface JournalQuery {
  kind?: string;
  subject?: string;
  /** Only entries after this sequence number (for reading on from a known point, e.g. the last day close). */
  afterSeq?: number;
  limit?: number;
}

export interface Journal {
  append(entry: JournalAppend): JournalEntry;
  head(): JournalHead;
  entries(query?: JournalQuery): JournalEntry[];
  verify(): JournalReport;
}

interface StoredRow {
  seq: number;
  at: string;
  actor_id: string | null;
  kind: string;
  subject: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** The hash of one entry: over the previous entry's hash and the entry's own stored fields, in a fixed order. */
export function journalHash(prevHash: string, row: Omit<StoredRow, 'prev_hash' | 'hash'>): string {
  const body = JSON.stringify([row.seq, row.at, row.actor_id, row.kind, row.subject, row.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

const toEntry = (row: StoredRow): JournalEntry => ({
  seq: row.seq,
  at: row.at,
  actorId: row.actor_id,
  kind: row.kind,
  subject: row.subject,
  detail: JSON.parse(row.detail) as JournalDetail,
  hash: row.hash,
});

export function createJournal(db: Database, clock: () => Date = () => new Date()): Journal {
  const last = db.prepare<[], StoredRow>('SELECT * FROM journal ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare<[number, string, string | null, string, string | null, string, string, string]>(
    'INSERT INTO journal (seq, at, actor_id, kind, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );

  const appendInTransaction = db.transaction((entry: JournalAppend): JournalEntry => {
    const previous = last.get();
    const row = {
      seq: (previous?.seq ?? 0) + 1,
      at: clock().toISOString(),
      actor_id: entry.actorId,
      kind: entry.kind,
      subject: entry.subject ?? null,
      detail: JSON.stringify(entry.detail),
    };
    const prevHash = previous?.hash ?? JOURNAL_GENESIS_HASH;
    const hash = journalHash(prevHash, row);
    insert.run(row.seq, row.at, row.actor_id, row.kind, row.subject, row.detail, prevHash, hash);
    return toEntry({ ...row, prev_hash: prevHash, hash });
  });

  return {
    append(entry) {
      if (!KIND_PATTERN.test(entry.kind)) throw new Error(`journal kind "${entry.kind}" is not "domain.verb"`);
      return appendInTransaction(entry);
    },
    head() {
      const row = last.get();
      return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: JOURNAL_GENESIS_HASH };
    },
    entries(query = {}) {
      const where: string[] = ['seq > ?'];
      const params: (string | number)[] = [query.afterSeq ?? 0];
      if (query.kind !== undefined) {
        where.push('kind = ?');
        params.push(query.kind);
      }
      if (query.subject !== undefined) {
        where.push('subject = ?');
        params.push(query.subject);
      }
      params.push(query.limit ?? -1);
      return db
        .prepare<(string | number)[], StoredRow>(`SELECT * FROM journal WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`)
        .all(...params)
        .map(toEntry);
    },
    verify: () => verifyJournal(db),
  };
}

/** Walks the whole journal in order; reports the first entry that does not verify. */
export function verifyJournal(db: Database): JournalReport {
  let expectedSeq = 1;
  let prevHash = JOURNAL_GENESIS_HASH;
  for (const row of db.prepare<[], StoredRow>('SELECT * FROM journal ORDER BY seq').iterate()) {
    const broken = (reason: NonNullable<JournalReport['firstBroken']>['reason'], message: string): JournalReport => ({
      ok: false,
      entries: expectedSeq - 1,
      head: prevHash,
      firstBroken: { seq: expectedSeq, reason, message },
    });
    if (row.seq !== expectedSeq) return broken('sequence_gap', `journal entry ${expectedSeq} is missing (next is ${row.seq})`);
    if (row.prev_hash !== prevHash) return broken('prev_hash_mismatch', `journal entry ${row.seq} does not link to entry ${row.seq - 1}`);
    if (journalHash(prevHash, row) !== row.hash) return broken('hash_mismatch', `journal entry ${row.seq} was altered (its hash does not match its contents)`);
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: expectedSeq - 1, head: prevHash, firstBroken: null };
}
