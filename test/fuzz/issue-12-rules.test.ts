/**
 * Issue 12's input and access findings, fuzzed: what a person at the counter knows is wrong, whatever the
 * contract's shapes allow.
 * - A sale that is wrong for Mexico (an amount of zero or less, a currency other than pesos, a number that is
 *   not ten digits, a carrier nobody sells, hidden characters in the carrier) or for a country nobody sells in
 *   is refused as `invalid_input` and writes nothing, everything else about it being right.
 * - Signed out, no channel writes anything (a wrong PIN may only count itself on the keypad's lock) and no
 *   answer tells where the data lives or whose machine this is.
 * A quarter of SALDO_FUZZ_RUNS cases per rule (100 by default); the seed is printed and SALDO_SEED replays it.
 */
import { homedir, hostname, userInfo } from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../shared/contract';
import { createFuzzWorld, createWriteWatch, describeInput, fuzzRuns, fuzzSeed, parseEnvelope, pinCountingAllowed, SIGNED_OUT, watchUnhandledRejections, type FuzzWorld } from './harness';
import { channelInputs } from './inputs';
import { HOSTILE_TEXT } from './zod-arbitrary';

const RUNS = Math.max(50, Math.floor(fuzzRuns() / 4));
const { seed: SEED, replayHint } = fuzzSeed('test/fuzz/issue-12-rules');
const TIMEOUT_MS = Math.max(60_000, RUNS * 200);

let world: FuzzWorld;
let writes: ReturnType<typeof createWriteWatch>;
const rejections = watchUnhandledRejections();

beforeAll(async () => {
  world = await createFuzzWorld('rules');
  writes = createWriteWatch(world.db);
}, 60_000);

afterAll(async () => {
  rejections.stop();
  await world?.close();
});

/** A sale that is right in every way: a Mexican mobile number, a carrier every provider sells, 50 pesos. */
const rightSale = fc.record({
  requestId: fc.uuid(),
  phone: fc.stringMatching(/^55\d{8}$/),
  country: fc.constant('MX'),
  carrier: fc.constantFrom('Telcel', 'Movistar', 'AT&T'),
  amount: fc.record({ minor: fc.constantFrom(2000, 5000, 10000), currency: fc.constant('MXN') }),
});

/** Each way a sale can be wrong with everything else right. */
const WRONG_SALES: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'an amount of zero or less': fc.tuple(rightSale, fc.integer({ min: -1_000_000, max: 0 })).map(([sale, minor]) => ({ ...sale, amount: { minor, currency: 'MXN' } })),
  'a currency other than pesos in Mexico': fc
    .tuple(rightSale, fc.oneof(fc.constantFrom('USD', 'HNL', 'BRL', 'EUR', 'COP', 'XXX'), fc.stringMatching(/^[A-Z]{3}$/)))
    .filter(([, currency]) => currency !== 'MXN')
    .map(([sale, currency]) => ({ ...sale, amount: { ...sale.amount, currency } })),
  'a country nobody sells in': fc.tuple(rightSale, fc.constantFrom('ZZ', 'XX', 'QQ', 'AA')).map(([sale, country]) => ({ ...sale, country })),
  'a Mexican number that is not ten digits': fc
    .tuple(rightSale, fc.oneof(fc.stringMatching(/^\d{6,9}$/), fc.stringMatching(/^\d{11,15}$/)))
    .map(([sale, phone]) => ({ ...sale, phone })),
  'a carrier with hidden characters or markup': fc
    .tuple(rightSale, fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom('', 'Telcel'))
    .map(([sale, hostile, carrier]) => ({ ...sale, carrier: `${carrier}${hostile}`.slice(0, 60) })),
  'a carrier nobody sells': fc
    .tuple(rightSale, fc.string({ minLength: 1, maxLength: 60 }))
    .filter(([, carrier]) => !/^\s*(telcel|movistar|at&t|bait|unefon|virgin|altan)\s*$/i.test(carrier))
    .map(([sale, carrier]) => ({ ...sale, carrier })),
};

describe('issue 12: a sale that is wrong is refused and writes nothing', () => {
  for (const [index, [why, sales]] of Object.entries(WRONG_SALES).entries()) {
    it(
      `refuses ${why} (${RUNS} cases)`,
      async () => {
        replayHint();
        await fc.assert(
          fc.asyncProperty(sales, fc.constantFrom(...world.callers.filter((caller) => caller !== SIGNED_OUT)), async (sale, caller) => {
            world.actAs(caller);
            writes.before();
            const answer = parseEnvelope(await world.core.dispatcher.invoke('sales.sell', sale, { host: 'test' }));
            const where = `${why}: ${describeInput(sale)} as ${caller} answered ${describeInput(answer)}`;
            expect(answer.ok ? 'ok' : answer.error.code, where).toBe('invalid_input');
            expect(writes.changed(), `rows written for ${where}`).toEqual([]);
            expect(rejections.take()).toEqual([]);
          }),
          { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
        );
      },
      TIMEOUT_MS,
    );
  }
});

describe('issue 12: signed out, nothing is written and nothing about the machine is told', () => {
  it(
    `every channel, ${RUNS} valid and hostile calls each`,
    async () => {
      replayHint();
      const machine = [world.dataDir, homedir(), hostname(), userInfo().username].filter((text) => text.length >= 4);
      const cases = fc.constantFrom(...channelNames).chain((channel) => channelInputs(channel, world).map((input) => ({ channel, input: input.value })));
      await fc.assert(
        fc.asyncProperty(cases, async ({ channel, input }) => {
          world.actAs(SIGNED_OUT);
          writes.before(pinCountingAllowed(input));
          const answer = parseEnvelope(await world.core.dispatcher.invoke(channel, input, { host: 'test' }));
          // A right PIN signs in: that call may do what a signed-in caller may; the rule is about who is signed out.
          const signedIn = world.core.session.current() !== null;
          const where = `${channel} (${channels[channel].access}) signed out with ${describeInput(input)} answered ${describeInput(answer)}`;
          if (!signedIn) expect(writes.changed(), `signed out, rows written: ${where}`).toEqual([]);
          else writes.changed();
          const text = JSON.stringify(answer);
          for (const secret of machine) expect(text.includes(secret), `signed out, the answer tells ${secret}: ${where}`).toBe(false);
          expect(rejections.take()).toEqual([]);
        }),
        { numRuns: RUNS * channelNames.length, seed: SEED + 100, endOnFailure: true },
      );
    },
    TIMEOUT_MS * 4,
  );
});
