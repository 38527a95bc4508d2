/**
 * The rule of docs/architecture.md, "Pricing in pesos", as the owner would check a receipt: the pesos charged
 * are the dollars sent times the rate times (1 + markup/100), to the nearest centavo, a half centavo up. Checked
 * two ways that do not share the code under test: exact fractions (the centavo is the nearest, ties up) and a
 * float estimate (within half a centavo). Random rates, markups and amounts; the seed is printed and
 * SALDO_SEED=<seed> replays it; SALDO_PRICING_RUNS for more than the default 2,000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceInPesos } from '../../shared/pricing';
import { CountryPricingSchema } from '../../shared/contract/sale-kinds';
import { chooseSeed } from './seeded-random';

const RUNS = Number(process.env.SALDO_PRICING_RUNS ?? 2000);

/** "18.5025" → [185025n, 10000n], read digit by digit. */
function fraction(text: string): [bigint, bigint] {
  const [whole = '0', part = ''] = text.split('.');
  return [BigInt(whole + part), 10n ** BigInt(part.length)];
}

const decimalText = (maxWhole: number, maxDecimals: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: maxDecimals }), fc.nat({ max: 9999 })).map(([whole, decimals, digits]) =>
    decimals === 0 ? String(whole) : `${whole}.${String(digits).padStart(4, '0').slice(0, decimals)}`,
  );

const pricingArbitrary = fc
  .record({ rate: decimalText(60, 4), markupPercent: decimalText(30, 2) })
  .filter((pricing) => CountryPricingSchema.safeParse(pricing).success);

describe('pricing in pesos', () => {
  it('charges the nearest centavo of dollars × rate × (1 + markup/100), a half centavo up', () => {
    const seed = chooseSeed();
    console.log(`pricing property: seed ${seed} (replay with SALDO_SEED=${seed})`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), pricingArbitrary, (cents, pricing) => {
        const priced = priceInPesos({ minor: cents, currency: 'USD' }, pricing);
        expect(priced.sent).toEqual({ minor: cents, currency: 'USD' });
        expect(priced.charge.currency).toBe('MXN');
        expect([priced.rate, priced.markupPercent]).toEqual([pricing.rate, pricing.markupPercent]);
        // Exact: centavos = cents × rate × (100 + markup) / 100 = n / d.
        const [rateUnits, rateScale] = fraction(pricing.rate);
        const [markupUnits, markupScale] = fraction(pricing.markupPercent);
        const n = BigInt(cents) * rateUnits * (100n * markupScale + markupUnits);
        const d = rateScale * 100n * markupScale;
        const charged = BigInt(priced.charge.minor);
        // charged − 1/2 ≤ n/d < charged + 1/2  ⇔  (2·charged − 1)·d ≤ 2n < (2·charged + 1)·d
        expect((2n * charged - 1n) * d <= 2n * n).toBe(true);
        expect(2n * n < (2n * charged + 1n) * d).toBe(true);
        // The way an owner checks it with a calculator.
        const estimate = (cents / 100) * Number(pricing.rate) * (1 + Number(pricing.markupPercent) / 100);
        expect(Math.abs(priced.charge.minor / 100 - estimate)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
      { seed, numRuns: RUNS },
    );
  });

  it('works the examples of the architecture document', () => {
    expect(priceInPesos({ minor: 500, currency: 'USD' }, { rate: '18.50', markupPercent: '5' }).charge).toEqual({ minor: 9713, currency: 'MXN' });
    expect(priceInPesos({ minor: 15_075, currency: 'USD' }, { rate: '18.50', markupPercent: '5' }).charge).toEqual({ minor: 292_832, currency: 'MXN' });
    expect(priceInPesos({ minor: 1000, currency: 'USD' }, { rate: '17.2', markupPercent: '0' }).charge).toEqual({ minor: 17_200, currency: 'MXN' });
  });
});
