/**
 * The update policy over EVERY combination of its inputs (2^9 = 512 cases). The expected decision comes from
 * the rule table below, written by hand from issue 11, read top to bottom, first matching row wins; `*` matches
 * anything. Nothing here calls the policy to compute an expectation.
 */
import { describe, expect, it } from 'vitest';
import { decideUpdate, isShopOpen, type UpdatePolicyInput } from '../../electron/core/updates/policy';

const TIME_ZONE = 'America/Mexico_City'; // UTC−6 all year (no daylight saving since 2022)
const SHOP_HOURS = { open: 8, close: 21 };
const TEN_IN_THE_MORNING = Date.parse('2026-03-10T16:00:00Z'); // 10:00 in Mexico City: open
const ELEVEN_AT_NIGHT = Date.parse('2026-03-11T05:00:00Z'); // 23:00 in Mexico City: closed

type Cell = boolean | '*';
interface Row {
  downloaded: Cell;
  sending: Cell;
  queued: Cell;
  unknown: Cell;
  pending: Cell;
  ownerAllowsQueue: Cell;
  shopOpen: Cell;
  ownerConfirmed: Cell;
  expect: [decision: string, reason: string];
}

const Y = true;
const N = false;
const _ = '*' as const;

// The channel has no column: it chooses the feed, never the moment. Every row holds for stable and beta.
// prettier-ignore
const RULES: Row[] = [
  { downloaded: N, sending: _, queued: _, unknown: _, pending: _, ownerAllowsQueue: _, shopOpen: _, ownerConfirmed: _, expect: ['wait', 'no_update_downloaded'] },
  { downloaded: Y, sending: Y, queued: _, unknown: _, pending: _, ownerAllowsQueue: _, shopOpen: _, ownerConfirmed: _, expect: ['wait', 'sale_in_flight'] },
  { downloaded: Y, sending: N, queued: Y, unknown: _, pending: _, ownerAllowsQueue: N, shopOpen: _, ownerConfirmed: _, expect: ['wait', 'offline_queue_not_empty'] },
  { downloaded: Y, sending: N, queued: N, unknown: Y, pending: _, ownerAllowsQueue: N, shopOpen: _, ownerConfirmed: _, expect: ['wait', 'outcomes_unresolved'] },
  { downloaded: Y, sending: N, queued: N, unknown: N, pending: Y, ownerAllowsQueue: N, shopOpen: _, ownerConfirmed: _, expect: ['wait', 'outcomes_unresolved'] },
  { downloaded: Y, sending: N, queued: _, unknown: _, pending: _, ownerAllowsQueue: _, shopOpen: Y, ownerConfirmed: N, expect: ['ask-owner', 'shop_open_needs_owner'] },
  { downloaded: Y, sending: N, queued: _, unknown: _, pending: _, ownerAllowsQueue: _, shopOpen: Y, ownerConfirmed: Y, expect: ['install-now', 'shop_open_owner_confirmed'] },
  { downloaded: Y, sending: N, queued: _, unknown: _, pending: _, ownerAllowsQueue: _, shopOpen: N, ownerConfirmed: _, expect: ['install-now', 'shop_closed'] },
];

type Case = Record<Exclude<keyof Row, 'expect'>, boolean> & { channel: 'stable' | 'beta' };

function allCases(): Case[] {
  const flags = ['downloaded', 'sending', 'queued', 'unknown', 'pending', 'ownerAllowsQueue', 'shopOpen', 'ownerConfirmed'] as const;
  const cases: Case[] = [];
  for (let bits = 0; bits < 1 << flags.length; bits++) {
    const flagValues = Object.fromEntries(flags.map((flag, index) => [flag, Boolean(bits & (1 << index))])) as Omit<Case, 'channel'>;
    for (const channel of ['stable', 'beta'] as const) cases.push({ ...flagValues, channel });
  }
  return cases;
}

function expected(testCase: Case): [string, string] {
  const matches = (cell: Cell, value: boolean) => cell === '*' || cell === value;
  const row = RULES.find((rule) => (Object.keys(testCase) as Array<keyof Case>).every((key) => key === 'channel' || matches(rule[key], testCase[key])));
  if (!row) throw new Error(`the rule table has no row for ${JSON.stringify(testCase)}`);
  return row.expect;
}

function policyInput(testCase: Case): UpdatePolicyInput {
  return {
    sending: testCase.sending,
    queued: testCase.queued ? 3 : 0,
    unknown: testCase.unknown ? 1 : 0,
    pending: testCase.pending ? 2 : 0,
    shopHours: SHOP_HOURS,
    timeZone: TIME_ZONE,
    now: testCase.shopOpen ? TEN_IN_THE_MORNING : ELEVEN_AT_NIGHT,
    ownerConfirmed: testCase.ownerConfirmed,
    ownerAllowsNonEmptyQueue: testCase.ownerAllowsQueue,
    updateDownloaded: testCase.downloaded,
    channel: testCase.channel,
  };
}

describe('update policy: every combination', () => {
  const cases = allCases();

  it('covers all 512 combinations', () => {
    expect(cases).toHaveLength(512);
  });

  it.each(cases.map((testCase) => [JSON.stringify(testCase), testCase] as const))('%s', (_label, testCase) => {
    const [decision, code] = expected(testCase);
    const answer = decideUpdate(policyInput(testCase));
    expect({ decision: answer.decision, code: answer.reason.code }).toEqual({ decision, code });
    expect(answer.reason.message.length).toBeGreaterThan(10);
    expect(answer.shopOpen).toBe(testCase.shopOpen);
  });

  it('never installs while a sale is in flight, whatever the owner said', () => {
    const inFlight = cases.filter((testCase) => testCase.sending);
    expect(inFlight.every((testCase) => decideUpdate(policyInput(testCase)).decision !== 'install-now')).toBe(true);
  });
});

describe('shop hours on the shop’s clock', () => {
  const at = (iso: string) => Date.parse(iso);

  it('open from the opening hour, closed from the closing hour', () => {
    expect(isShopOpen(SHOP_HOURS, TIME_ZONE, at('2026-03-10T13:59:59Z'))).toBe(false); // 07:59:59
    expect(isShopOpen(SHOP_HOURS, TIME_ZONE, at('2026-03-10T14:00:00Z'))).toBe(true); // 08:00
    expect(isShopOpen(SHOP_HOURS, TIME_ZONE, at('2026-03-11T02:59:59Z'))).toBe(true); // 20:59:59
    expect(isShopOpen(SHOP_HOURS, TIME_ZONE, at('2026-03-11T03:00:00Z'))).toBe(false); // 21:00
  });

  it('a shop open across midnight (18 → 2) is open at 01:00 and closed at 03:00 and at noon', () => {
    const lateHours = { open: 18, close: 2 };
    expect(isShopOpen(lateHours, TIME_ZONE, at('2026-03-11T07:00:00Z'))).toBe(true); // 01:00
    expect(isShopOpen(lateHours, TIME_ZONE, at('2026-03-11T09:00:00Z'))).toBe(false); // 03:00
    expect(isShopOpen(lateHours, TIME_ZONE, at('2026-03-10T18:00:00Z'))).toBe(false); // 12:00
    expect(isShopOpen(lateHours, TIME_ZONE, at('2026-03-11T01:00:00Z'))).toBe(true); // 19:00
  });

  it('0 → 24 is open all day, so updates always need the owner', () => {
    for (const hour of [0, 6, 12, 23]) {
      expect(isShopOpen({ open: 0, close: 24 }, TIME_ZONE, at(`2026-03-10T${String(hour).padStart(2, '0')}:30:00Z`))).toBe(true);
    }
  });

  it('reads the hours in the shop’s zone, across a daylight-saving change (Tijuana, 8 March 2026)', () => {
    // Tijuana moves from UTC−8 to UTC−7 on 8 March 2026 at 02:00: 08:00 is 16:00Z before, 15:00Z after.
    expect(isShopOpen(SHOP_HOURS, 'America/Tijuana', at('2026-03-07T15:30:00Z'))).toBe(false); // 07:30 PST
    expect(isShopOpen(SHOP_HOURS, 'America/Tijuana', at('2026-03-08T15:30:00Z'))).toBe(true); // 08:30 PDT
  });
});
