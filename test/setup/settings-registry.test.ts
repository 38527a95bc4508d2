/**
 * The owner's settings, through the assembled core as the settings screen calls them: every setting accepts the
 * values an owner would choose and refuses the ones that make no sense, naming the field; a refused change stores
 * nothing; a change applies at once (the counter's settings.get, the offline policy a sale meets) and is journaled
 * with who, from and to; only an owner may change them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '../../shared/contract/settings';
import { loadOfflinePolicy } from '../../electron/core/sales/policy';
import { call, cleanUpCores, freshDir, signIn, startCore, value, type Core } from './helpers';

const mxn = (minor: number) => ({ minor, currency: 'MXN' });

/** Per setting: values an owner may choose, and values refused, with the field the refusal must name. */
const CASES: Record<string, { good: unknown[]; bad: Array<{ value: unknown; field: string }> }> = {
  language: { good: ['en', 'es-MX'], bad: [{ value: 'fr', field: 'language' }, { value: '', field: 'language' }] },
  kiosk: { good: [true, false], bad: [{ value: 'yes', field: 'kiosk' }] },
  shop: {
    good: [
      { name: 'Abarrotes Lupita', address: 'Av. Juárez 12, Centro' },
      { name: 'Tienda Don Pepe', address: '', phone: '+52 55 1234 5678', rfc: 'XAXX010101000' },
      { name: 'Papelería Sol', address: 'Calle 5', rfc: 'ABC010203XY9' },
    ],
    bad: [
      { value: { name: '', address: '' }, field: 'shop.name' },
      { value: { name: 'x'.repeat(61), address: '' }, field: 'shop.name' },
      { value: { name: 'Tienda', address: '', rfc: 'NOT-AN-RFC' }, field: 'shop.rfc' },
      { value: { name: 'Tienda', address: '', phone: 'call me' }, field: 'shop.phone' },
      { value: { name: 'Tienda', address: '', owner: 'Ana' }, field: 'shop' },
    ],
  },
  receiptFooter: { good: ['¡Gracias por su compra!', ''], bad: [{ value: 'x'.repeat(201), field: 'receiptFooter' }, { value: 5, field: 'receiptFooter' }] },
  receiptWidthMm: { good: [58, 80], bad: [{ value: 72, field: 'receiptWidthMm' }, { value: '80', field: 'receiptWidthMm' }] },
  timeZone: { good: ['America/Tijuana', 'America/Mexico_City'], bad: [{ value: 'Mars/Olympus', field: 'timeZone' }, { value: 'GMT+25', field: 'timeZone' }] },
  dayStartHour: { good: [0, 6, 23], bad: [{ value: 24, field: 'dayStartHour' }, { value: -1, field: 'dayStartHour' }, { value: 5.5, field: 'dayStartHour' }] },
  resellWindowMinutes: { good: [0, 10, 120], bad: [{ value: 121, field: 'resellWindowMinutes' }, { value: -1, field: 'resellWindowMinutes' }] },
  idleSignOutMinutes: { good: [1, 15, 240], bad: [{ value: 0, field: 'idleSignOutMinutes' }, { value: 241, field: 'idleSignOutMinutes' }] },
  offlinePolicy: {
    good: [
      { enabled: true, maxSale: mxn(20_000), maxQueuedTotal: mxn(300_000), maxAgeMs: 6 * 3_600_000 },
      { enabled: false, maxSale: mxn(50_000), maxQueuedTotal: mxn(50_000), maxAgeMs: 24 * 3_600_000 },
    ],
    bad: [
      { value: { enabled: true, maxSale: mxn(0), maxQueuedTotal: mxn(100), maxAgeMs: 3_600_000 }, field: 'offlinePolicy.maxSale.minor' },
      { value: { enabled: true, maxSale: mxn(50_000), maxQueuedTotal: mxn(10_000), maxAgeMs: 3_600_000 }, field: 'offlinePolicy.maxQueuedTotal.minor' },
      { value: { enabled: true, maxSale: mxn(50_000), maxQueuedTotal: { minor: 500_000, currency: 'USD' }, maxAgeMs: 3_600_000 }, field: 'offlinePolicy.maxQueuedTotal.currency' },
      { value: { enabled: true, maxSale: mxn(50_000), maxQueuedTotal: mxn(500_000), maxAgeMs: 60_000 }, field: 'offlinePolicy.maxAgeMs' },
      { value: { enabled: true, maxSale: mxn(50_000), maxQueuedTotal: mxn(500_000) }, field: 'offlinePolicy.maxAgeMs' },
    ],
  },
  routing: {
    good: [
      { countries: { MX: { default: ['mobisend', 'relier'], carriers: { Telcel: ['relier'] } } }, fallback: ['liquido'] },
      { countries: {}, fallback: ['mobisend', 'liquido', 'relier'] },
    ],
    bad: [
      { value: { countries: { MX: { default: [] } }, fallback: ['relier'] }, field: 'routing.countries.MX.default' },
      { value: { countries: { MX: { default: ['relier', 'relier'] } }, fallback: ['relier'] }, field: 'routing.countries.MX.default' },
      { value: { countries: { MX: { default: ['telcel'] } }, fallback: ['relier'] }, field: 'routing.countries.MX.default.0' },
      { value: { countries: { Mexico: { default: ['relier'] } }, fallback: ['relier'] }, field: 'routing.countries.Mexico' },
    ],
  },
  lowBalanceThresholds: {
    // null: no warning for that provider (a provider left out reads as the 20 USD default: tested below).
    good: [{ relier: { minor: 10_000, currency: 'USD' }, mobisend: null, liquido: mxn(50_000) }, { relier: null, mobisend: null, liquido: null }],
    bad: [{ value: { relier: { minor: -1, currency: 'USD' } }, field: 'lowBalanceThresholds.relier.minor' }, { value: { telcel: mxn(1) }, field: 'lowBalanceThresholds' }],
  },
  shiftPolicy: {
    good: [{ autoOpen: true, differenceTolerance: mxn(2_000) }],
    bad: [{ value: { autoOpen: 'sí', differenceTolerance: mxn(0) }, field: 'shiftPolicy.autoOpen' }, { value: { autoOpen: true, differenceTolerance: mxn(-100) }, field: 'shiftPolicy.differenceTolerance.minor' }],
  },
  updateChannel: { good: ['beta', 'stable'], bad: [{ value: 'nightly', field: 'updateChannel' }] },
  shopHours: { good: [{ open: 7, close: 22 }, { open: 0, close: 24 }], bad: [{ value: { open: 9, close: 9 }, field: 'shopHours' }, { value: { open: 25, close: 3 }, field: 'shopHours.open' }] },
};

let core: Core;
beforeAll(async () => {
  core = await startCore(freshDir('settings'));
  await signIn(core, '4321');
}, 30_000);
afterAll(cleanUpCores);

const settingsRows = () => core.db.prepare('SELECT key, value FROM settings ORDER BY key').all();

describe('every setting: good values stored, bad ones refused naming the field', () => {
  it('the cases cover every setting of the registry', () => {
    expect(Object.keys(CASES).sort()).toEqual([...SETTING_KEYS].sort());
  });

  const good = Object.entries(CASES).flatMap(([key, { good }]) => good.map((value) => ({ key, value })));
  it.each(good)('$key = $value is stored and read back', async ({ key, value: chosen }) => {
    const answer = await value<{ values: Record<string, unknown> }>(core, 'settings.update', { [key]: chosen });
    expect(answer.values[key]).toEqual(chosen);
    expect((await value<{ values: Record<string, unknown> }>(core, 'settings.values')).values[key]).toEqual(chosen);
  });

  it('a low-balance threshold left out reads as the default, 20 USD', async () => {
    const answer = await value<{ values: { lowBalanceThresholds: Record<string, unknown> } }>(core, 'settings.update', { lowBalanceThresholds: { relier: null } });
    expect(answer.values.lowBalanceThresholds).toEqual({ relier: null, mobisend: { minor: 2000, currency: 'USD' }, liquido: { minor: 2000, currency: 'USD' } });
  });

  const bad = Object.entries(CASES).flatMap(([key, { bad }]) => bad.map((entry) => ({ key, ...entry })));
  it.each(bad)('$key = $value is refused at $field, and nothing changes', async ({ key, value: chosen, field }) => {
    const before = settingsRows();
    const journalBefore = core.journal.head();
    const answer = await call(core, 'settings.update', { [key]: chosen });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.issues?.some((issue) => issue.startsWith(`${field}:`)), JSON.stringify(answer.error.issues)).toBe(true);
    expect(settingsRows()).toEqual(before);
    expect(core.journal.head()).toEqual(journalBefore);
  });

  it('an unknown setting is refused, and a good one beside it is not stored either', async () => {
    const before = settingsRows();
    const answer = await call(core, 'settings.update', { receiptFooter: 'Vuelva pronto', colour: 'blue' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(settingsRows()).toEqual(before);
  });
});

describe('a change applies at once and is journaled', () => {
  it('the counter sees the new shop name and paper width, and a sale meets the new offline cap', async () => {
    await value(core, 'settings.update', { shop: { name: 'Abarrotes Lupita', address: 'Av. Juárez 12' }, receiptWidthMm: 80 });
    expect(await value(core, 'settings.get')).toMatchObject({ shop: { name: 'Abarrotes Lupita', address: 'Av. Juárez 12' }, receiptWidthMm: 80 });
    await value(core, 'settings.update', { offlinePolicy: { enabled: true, maxSale: mxn(10_000), maxQueuedTotal: mxn(100_000), maxAgeMs: 3_600_000 } });
    expect(loadOfflinePolicy(core.db).maxSale).toEqual(mxn(10_000));
  });

  it('records who changed what, from what, to what; an unchanged value records nothing', async () => {
    const owner = await signIn(core, '4321');
    await value(core, 'settings.update', { resellWindowMinutes: 10 });
    const before = core.journal.head().seq;
    await value(core, 'settings.update', { resellWindowMinutes: 25 });
    const same = await value<{ changed: string[] }>(core, 'settings.update', { resellWindowMinutes: 25 });
    expect(same.changed).toEqual([]);
    const entries = core.journal.entries({ afterSeq: before });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'settings.changed', actorId: owner.id, subject: 'resellWindowMinutes', detail: { key: 'resellWindowMinutes', from: 10, to: 25 } });
    expect(core.journal.verify().ok).toBe(true);
  });

  it('a cashier may read the counter settings but not change the owner settings (forbidden in the core)', async () => {
    await signIn(core, '1234');
    const before = settingsRows();
    expect(await call(core, 'settings.update', { receiptFooter: 'hola' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(core, 'settings.values')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(settingsRows()).toEqual(before);
    await signIn(core, '4321');
  });
});
