/**
 * The sale's cost in the shop's currency is computed by SQLite (migration 007's generated column, so reports can
 * sum it from an index). It must be exactly what shared/money.ts says: the provider's cost times the rate
 * recorded on the sale, half-up. Random costs and rates, seeded (SALDO_SEED replays).
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { convertByMultiplying } from '../../shared/money';
import { seededRandomForTest } from '../sales/seed-for-test';

function insert(db: ReturnType<typeof openDatabase>, id: number, cost: { minor: number; currency: string } | null, rate: string | null): void {
  db.prepare(
    `INSERT INTO sales (id, request_id, idempotency_key, created_at, created_ms, updated_at, cashier_id, shift_id, provider, country, carrier, phone,
       price_minor, price_currency, cost_minor, cost_currency, exchange_rate, state)
     VALUES (?, ?, ?, '2026-01-01T00:00:00Z', 0, '2026-01-01T00:00:00Z', 'c', 's', 'relier', 'MX', 'Telcel', '5512345678', 5000, 'MXN', ?, ?, ?, 'succeeded')`,
  ).run(`s${id}`, `r${id}`, `k${id}`, cost?.minor ?? null, cost?.currency ?? null, rate);
}

const costOf = (db: ReturnType<typeof openDatabase>, id: number) =>
  (db.prepare('SELECT cost_shop_minor AS cost FROM sales WHERE id = ?').get(`s${id}`) as { cost: number | null }).cost;

describe('sales.cost_shop_minor', () => {
  it("equals convertByMultiplying(cost, rate, shop currency, 'half-up') for random costs and rates", () => {
    const random = seededRandomForTest('cost column');
    const db = openDatabase({ file: ':memory:' });
    for (let index = 0; index < 1000; index += 1) {
      const cost = { minor: random.int(0, 5_000_000), currency: 'USD' };
      const scale = random.int(0, 9);
      const whole = random.int(0, 100);
      const rate = scale === 0 ? String(whole) : `${whole}.${String(random.int(0, 10 ** scale)).padStart(scale, '0')}`;
      insert(db, index, cost, rate);
      expect(costOf(db, index), `${cost.minor} USD at ${rate}`).toBe(convertByMultiplying(cost, rate, 'MXN', 'half-up').minor);
    }
    db.close();
  });

  it("is Relier's documented example, the cost itself in the shop's currency, and unknown (null) when it cannot be read exactly", () => {
    const db = openDatabase({ file: ':memory:' });
    insert(db, 1, { minor: 294, currency: 'USD' }, '17.0068'); // 2.94 × 17.0068 = 49.999992 MXN
    insert(db, 2, { minor: 4700, currency: 'MXN' }, null);
    insert(db, 3, { minor: 294, currency: 'USD' }, null);
    insert(db, 4, { minor: 294, currency: 'USD' }, '1.7e1');
    insert(db, 5, { minor: 294, currency: 'USD' }, '17.000000001');
    insert(db, 6, null, '17.0068');
    expect([1, 2, 3, 4, 5, 6].map((id) => costOf(db, id))).toEqual([5000, 4700, null, null, null, null]);
    db.close();
  });
});
