/**
 * Issue 12, "prove it": every channel of the contract (iterated from the channel map, so a new channel is
 * fuzzed without touching this file) called by every caller (signed out and each role the users table has)
 * with random valid and hostile inputs. Whatever comes in:
 * - the core never throws and leaves no unhandled rejection; every answer is an `{ ok, value }` or
 *   `{ ok: false, error: { code, message } }` envelope with a code from the shared list, never `internal`
 *   (a handler crashed) nor `invalid_output` (a handler broke its own schema);
 * - an input the contract declares invalid is refused as malformed (or for who is asking);
 * - a signed-out caller gets nothing from a channel that needs a sign-in, and only an owner (or an owner's PIN,
 *   where the channel takes one) gets through an owner channel;
 * - a refused call writes no row: users, settings and the sales ledger hash the same before and after (a wrong
 *   PIN may only count itself on the keypad's lock);
 * - no `__proto__` key reaches Object.prototype.
 * 400 cases per channel by default (harness.ts), SALDO_FUZZ_RUNS for more; the seed is printed and SALDO_SEED replays it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, isChannelName, type ChannelName } from '../../shared/contract';
import {
  createFuzzWorld,
  createWriteWatch,
  describeInput,
  fuzzRuns,
  fuzzSeed,
  KEYPAD_LOCK,
  keypadLockLifter,
  KNOWN_PINS,
  pinCountingAllowed,
  MALFORMED_CODES,
  NOTHING_DONE_CODES,
  parseEnvelope,
  prototypeFingerprint,
  SIGNED_OUT,
  typedPin,
  watchUnhandledRejections,
  type Caller,
  type FuzzWorld,
} from './harness';
import { channelInputs, type FuzzInput } from './inputs';

const RUNS = fuzzRuns();
const { seed: SEED, replayHint } = fuzzSeed('test/fuzz/channels');
/** Generous: SALDO_FUZZ_RUNS=100000 must not be cut short by vitest's default timeout. */
const TIMEOUT_MS = Math.max(60_000, RUNS * 100);

let world: FuzzWorld;
let writes: ReturnType<typeof createWriteWatch>;
let liftKeypadLock: () => void;
const rejections = watchUnhandledRejections();
const prototypeBefore = prototypeFingerprint();
const timings: string[] = [];
/** What each channel answered, per caller and code: shows the fuzz reached the handlers, not only the parser. */
const outcomes = new Map<ChannelName, Map<string, number>>();

function countOutcome(channel: ChannelName, caller: Caller, code: string): void {
  const counts = outcomes.get(channel) ?? new Map<string, number>();
  const key = `${caller === SIGNED_OUT ? 'out' : caller}:${code}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  outcomes.set(channel, counts);
}

beforeAll(async () => {
  world = await createFuzzWorld('channels');
  writes = createWriteWatch(world.db);
  liftKeypadLock = keypadLockLifter(world.db);
  console.log(`fuzz: callers ${world.callers.join(', ')}; ${RUNS} cases per channel`);
}, 60_000);

afterAll(async () => {
  rejections.stop();
  await world?.close();
  if (timings.length > 0) console.log(`fuzz timings: ${timings.join(', ')}`);
  for (const [channel, counts] of outcomes) {
    console.log(`fuzz answers ${channel}: ${[...counts].sort().map(([key, count]) => `${key} ${count}`).join(', ')}`);
  }
});

/**
 * Five wrong PINs lock the keypad, turning every later sign-in into `forbidden` without checking any PIN.
 * The lock is lifted before a case that types a real PIN, so the signed-in path stays covered; random PINs
 * meet a counting or a locked keypad (and cost no PIN hashing while it is locked).
 */
function liftKeypadLockFor(input: unknown): void {
  if (KNOWN_PINS.includes(typedPin(input) as never)) liftKeypadLock();
}

/** Who passes a `tech` channel (shared/contract/define.ts); a string set, as the users table may not have technicians yet. */
const TECH_OR_OWNER: ReadonlySet<string> = new Set(['tech', 'owner']);

/** Whether a caller who is not an owner typed an owner's PIN on a channel that takes one. */
function carriesOwnerPin(channel: ChannelName, input: unknown): boolean {
  return channels[channel].ownerOverride === true && typeof input === 'object' && input !== null && Object.hasOwn(input, 'ownerPin');
}

async function checkOneCall(channel: ChannelName, caller: Caller, fuzzInput: FuzzInput): Promise<void> {
  const { value: input, declaredInvalid } = fuzzInput;
  const definition = channels[channel];
  world.actAs(caller);
  liftKeypadLockFor(input);
  // The dispatcher reads a missing input as {} (a channel without fields may be called without one).
  const contractRefuses = !definition.input.safeParse(input ?? {}).success;
  writes.before(pinCountingAllowed(input));

  const raw = await world.core.dispatcher.invoke(channel, input, { host: 'test' });
  await new Promise((resolve) => setImmediate(resolve));

  const where = `${channel} as ${caller} with ${describeInput(input)} answered ${describeInput(raw)}`;
  const answer = parseEnvelope(raw);
  countOutcome(channel, caller, answer.ok ? 'ok' : answer.error.code);
  expect(rejections.take(), `unhandled rejection: ${where}`).toEqual([]);
  expect(prototypeFingerprint(), `Object.prototype changed: ${where}`).toBe(prototypeBefore);
  if (!answer.ok) expect(['internal', 'invalid_output'], `the core failed inside: ${where}`).not.toContain(answer.error.code);

  if (declaredInvalid) expect(contractRefuses, `the contract accepts an input that breaks its declared constraints: ${where}`).toBe(true);
  if (declaredInvalid || contractRefuses) {
    expect(answer.ok, `an invalid input was accepted: ${where}`).toBe(false);
    if (!answer.ok) expect(MALFORMED_CODES.has(answer.error.code), `an invalid input got ${answer.error.code}: ${where}`).toBe(true);
  }
  if (caller === SIGNED_OUT && definition.access !== 'public') expect(answer.ok, `signed out, yet answered: ${where}`).toBe(false);
  if (definition.access === 'owner' && caller !== 'owner' && !carriesOwnerPin(channel, input)) expect(answer.ok, `not an owner, yet answered: ${where}`).toBe(false);
  if (definition.access === 'tech' && !TECH_OR_OWNER.has(caller)) expect(answer.ok, `neither a technician nor an owner, yet answered: ${where}`).toBe(false);

  const refused = declaredInvalid || contractRefuses || (!answer.ok && NOTHING_DONE_CODES.has(answer.error.code));
  const written = writes.changed();
  if (refused) expect(written, `a refused call wrote rows: ${where}`).toEqual([]);
}

describe('fuzzing every channel of the contract as every caller', () => {
  it('has channels and callers to fuzz', () => {
    expect(channelNames.length).toBeGreaterThan(0);
    expect(world.callers).toEqual(expect.arrayContaining([SIGNED_OUT, 'cashier', 'owner']));
  });

  it('sees a write when one happens (the watch itself works)', async () => {
    world.actAs('owner');
    const settings = await world.core.dispatcher.invoke('settings.get', {}, { host: 'test' });
    const current = settings.ok ? (settings.value as { language: string }).language : 'es-MX';
    writes.before();
    const answer = await world.core.dispatcher.invoke('settings.setLanguage', { language: current === 'en' ? 'es-MX' : 'en' }, { host: 'test' });
    expect(answer.ok).toBe(true);
    expect(writes.changed()).toContain('settings');
    writes.before(KEYPAD_LOCK);
    world.db.prepare("UPDATE users SET name = name || '.' WHERE role = 'owner'").run();
    expect(writes.changed()).toEqual(['users']);
  });

  for (const [index, channel] of channelNames.entries()) {
    it(
      `${channel}: ${RUNS} random valid and hostile inputs`,
      async () => {
        replayHint();
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const cases = fc.record({ caller: fc.constantFrom(...world.callers), input: channelInputs(channel, world) });
        await fc.assert(
          fc.asyncProperty(cases, ({ caller, input }) => checkOneCall(channel, caller, input)),
          { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
        );
        const cpu = process.cpuUsage(cpuBefore);
        timings.push(`${channel} ${Math.round(performance.now() - started)} ms (cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms)`);
      },
      TIMEOUT_MS,
    );
  }

  it(
    `unknown channel names: ${RUNS} of them`,
    async () => {
      replayHint();
      const names = fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'sales.sell ', 'SALES.SELL', 'sales.sell\u0000', 'sales.', '', 'x'.repeat(100_000)),
        fc.string({ unit: 'binary', maxLength: 40 }),
      );
      await fc.assert(
        fc.asyncProperty(names.filter((name) => !isChannelName(name)), fc.constantFrom(...world.callers), fc.anything(), async (name, caller, input) => {
          world.actAs(caller);
          writes.before();
          const answer = parseEnvelope(await world.core.dispatcher.invoke(name, input, { host: 'test' }));
          expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
          if (!answer.ok) expect(answer.error.message.length).toBeLessThan(200);
          expect(writes.changed()).toEqual([]);
          expect(rejections.take()).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED + channelNames.length },
      );
    },
    TIMEOUT_MS,
  );

  it('left no unhandled rejection behind once every call has settled', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections.take()).toEqual([]);
  });
});
