/**
 * Until the core answers the counter's new channels (issue 15: `sales.checkResell`, `sales.refundAtCounter`, the
 * last state of recent numbers), the counter specs run against a stand-in that answers them from the real
 * ledger, exactly as the contract (shared/contract/sales.ts) describes. Each stand-in is installed only while the
 * core has no handler of its own, so the same specs test the real core as soon as it has one.
 */
import type { Page, Route } from '@playwright/test';
import type { Envelope } from '../../shared/contract';
import type { Sale, SaleState } from '../../shared/contract/sales';
import { publicSale } from '../../electron/core/ledger/ledger';
import type { CounterFixture } from './counter-fixture';

const UNRESOLVED: readonly SaleState[] = ['created', 'queued', 'sending', 'pending', 'unknown'];

async function todaysSales(counter: CounterFixture): Promise<Sale[]> {
  const envelope = (await counter.core.dispatcher.invoke('sales.list', { limit: 1000 }, { host: 'test' })) as Envelope<{ sales: Sale[] }>;
  if (!envelope.ok) throw new Error(`sales.list: ${envelope.error.code}`);
  return envelope.value.sales;
}

async function answer(route: Route, value: unknown): Promise<void> {
  await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
}

async function answerError(route: Route, code: string, message: string): Promise<void> {
  await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code, message } }) });
}

/** Whether the core itself answers the counter's issue-15 channels (then no stand-in is installed). */
export function coreHasCounterGuards(counter: CounterFixture): boolean {
  const missing = counter.core.dispatcher.missingHandlers();
  return !missing.includes('sales.checkResell') && !missing.includes('sales.refundAtCounter');
}

export async function installCounterStandIns(page: Page, counter: CounterFixture): Promise<void> {
  const missing = counter.core.dispatcher.missingHandlers();
  if (missing.includes('sales.checkResell')) {
    await page.route('**/api/invoke/sales.checkResell', async (route) => {
      const input = route.request().postDataJSON() as { phone: string; country: string; amount?: { minor: number }; sku?: string };
      const windowMinutes = counter.core.settings.read().resellWindowMinutes;
      const since = Date.now() - windowMinutes * 60_000;
      const sales = (await todaysSales(counter)).filter((sale) => sale.phone === input.phone && sale.country === input.country);
      const unresolved = sales.find((sale) => UNRESOLVED.includes(sale.state)) ?? null;
      const sameRecently =
        sales.find((sale) => Date.parse(sale.createdAt) >= since && (input.sku ? sale.sku === input.sku : sale.price.minor === input.amount?.minor)) ?? null;
      await answer(route, { unresolved, sameRecently, windowMinutes });
    });
  }
  if (missing.includes('sales.refundAtCounter')) {
    await page.route('**/api/invoke/sales.refundAtCounter', async (route) => {
      const { id } = route.request().postDataJSON() as { id: string };
      const sale = counter.core.sales.ledger.get(id);
      if (!sale) return answerError(route, 'not_found', `No sale ${id}`);
      if (sale.state !== 'refund_due') return answerError(route, 'conflict', `Sale ${id} is ${sale.state}`);
      return answer(route, publicSale(counter.core.sales.service.markRefunded(id)));
    });
  }
  await page.route('**/api/invoke/sales.recentNumbers', async (route) => {
    const real = (await (await route.fetch()).json()) as Envelope<{ numbers: Array<{ phone: string; country: string; lastState?: SaleState; lastSaleId?: string }> }>;
    if (!real.ok || real.value.numbers.every((number) => number.lastState)) return route.fulfill({ contentType: 'application/json', body: JSON.stringify(real) });
    const sales = await todaysSales(counter);
    const numbers = real.value.numbers.map((number) => {
      const last = sales.find((sale) => sale.phone === number.phone && sale.country === number.country);
      return last ? { ...number, lastSaleId: last.id, lastState: last.state } : number;
    });
    return answer(route, { numbers });
  });
}

/** Opens the counter with the stand-ins in place (routes must exist before the page's first call). */
export async function openCounter(page: Page, counter: CounterFixture): Promise<void> {
  await installCounterStandIns(page, counter);
  await counter.open(page);
}
