/**
 * The kiosk's decisions, in plain Node: when this launch is a kiosk, when the display must stay awake, when the
 * app may close and which key presses would close it. Expected values are what a shop owner would state.
 */
import { describe, expect, it } from 'vitest';
import { decideQuit, isQuitShortcut } from '../../electron/core/kiosk/exit-guard';
import { shouldKeepDisplayAwake } from '../../electron/core/kiosk/keep-awake';
import { isKioskMode } from '../../electron/core/kiosk/mode';

describe('kiosk mode', () => {
  it.each([
    { argv: ['saldo'], env: {}, setting: false, kiosk: false },
    { argv: ['saldo'], env: {}, setting: true, kiosk: true },
    { argv: ['saldo', '--kiosk'], env: {}, setting: false, kiosk: true },
    { argv: ['saldo'], env: { SALDO_KIOSK: '1' }, setting: false, kiosk: true },
    { argv: ['saldo'], env: { SALDO_KIOSK: '0' }, setting: false, kiosk: false },
    { argv: ['saldo', '--kiosk=no'], env: {}, setting: false, kiosk: false },
  ])('argv $argv, env $env, setting $setting → kiosk $kiosk', ({ argv, env, setting, kiosk }) => {
    expect(isKioskMode({ argv, env, setting })).toBe(kiosk);
  });
});

describe('display kept awake during shop hours', () => {
  // Mexico City has no daylight saving since 2022: wall clock = UTC − 6.
  const MEXICO = 'America/Mexico_City';
  const at = (isoLocal: string) => Date.parse(`${isoLocal}-06:00`);
  const DAY = { open: 8, close: 21 };
  const OVERNIGHT = { open: 18, close: 2 };

  it.each([
    { hours: DAY, local: '2026-11-30T07:59:00', awake: false, why: 'a minute before opening' },
    { hours: DAY, local: '2026-11-30T08:00:00', awake: true, why: 'at opening' },
    { hours: DAY, local: '2026-11-30T15:30:00', awake: true, why: 'mid-afternoon' },
    { hours: DAY, local: '2026-11-30T20:59:00', awake: true, why: 'a minute before closing' },
    { hours: DAY, local: '2026-11-30T21:00:00', awake: false, why: 'at closing' },
    { hours: DAY, local: '2026-11-30T03:00:00', awake: false, why: 'at night' },
    { hours: OVERNIGHT, local: '2026-11-30T23:00:00', awake: true, why: 'open across midnight, before it' },
    { hours: OVERNIGHT, local: '2026-12-01T01:30:00', awake: true, why: 'open across midnight, after it' },
    { hours: OVERNIGHT, local: '2026-12-01T02:00:00', awake: false, why: 'closed at 2' },
    { hours: { open: 0, close: 24 }, local: '2026-12-01T04:00:00', awake: true, why: 'open all day' },
  ])('kiosk, $why ($local) → awake $awake', ({ hours, local, awake }) => {
    expect(shouldKeepDisplayAwake({ kiosk: true, shopHours: hours, timeZone: MEXICO, now: at(local) })).toBe(awake);
  });

  it('a desktop window (not kiosk) never holds the display awake, even with the shop open', () => {
    expect(shouldKeepDisplayAwake({ kiosk: false, shopHours: DAY, timeZone: MEXICO, now: at('2026-11-30T12:00:00') })).toBe(false);
  });

  it("reads the hours on the shop's clock, not the PC's: 10:00 in Madrid is 03:00 in Mexico City", () => {
    const tenInMadrid = Date.parse('2026-11-30T10:00:00+01:00');
    expect(shouldKeepDisplayAwake({ kiosk: true, shopHours: DAY, timeZone: 'Europe/Madrid', now: tenInMadrid })).toBe(true);
    expect(shouldKeepDisplayAwake({ kiosk: true, shopHours: DAY, timeZone: MEXICO, now: tenInMadrid })).toBe(false);
  });
});

describe('closing the app', () => {
  it.each([
    { kiosk: false, exitAuthorized: false, installingUpdate: false, allow: true },
    { kiosk: true, exitAuthorized: false, installingUpdate: false, allow: false },
    { kiosk: true, exitAuthorized: true, installingUpdate: false, allow: true },
    { kiosk: true, exitAuthorized: false, installingUpdate: true, allow: true },
  ])('kiosk $kiosk, exit granted $exitAuthorized, update installing $installingUpdate → allowed $allow', (attempt) => {
    expect(decideQuit(attempt).allow).toBe(attempt.allow);
  });

  it('the system shutting down, restarting or logging off closes even a kiosk (cleanly, not killed)', () => {
    expect(decideQuit({ kiosk: true, exitAuthorized: false, installingUpdate: false, systemEnding: true }).allow).toBe(true);
  });

  it('a refused quit says why with a stable code', () => {
    expect(decideQuit({ kiosk: true, exitAuthorized: false, installingUpdate: false })).toMatchObject({ allow: false, code: 'kiosk_exit_needs_pin' });
  });

  const press = (key: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean }> = {}, type = 'keyDown') => ({
    type,
    key,
    control: false,
    meta: false,
    alt: false,
    ...mods,
  });
  it.each([
    { label: 'Ctrl+Q', input: press('q', { control: true }), quits: true },
    { label: 'Ctrl+Shift+Q', input: press('Q', { control: true }), quits: true },
    { label: 'Ctrl+W', input: press('w', { control: true }), quits: true },
    { label: 'Cmd+Q', input: press('q', { meta: true }), quits: true },
    { label: 'Alt+F4', input: press('F4', { alt: true }), quits: true },
    { label: 'Q typed alone', input: press('q'), quits: false },
    { label: 'F4 alone', input: press('F4'), quits: false },
    { label: 'Ctrl+C', input: press('c', { control: true }), quits: false },
    { label: 'Ctrl+Q released', input: press('q', { control: true }, 'keyUp'), quits: false },
  ])('$label is a quit shortcut: $quits', ({ input, quits }) => {
    expect(isQuitShortcut(input)).toBe(quits);
  });
});
