/**
 * Starting at login: a Windows login item, or a Linux autostart entry written when kiosk mode is on and
 * removed when it is off. The Linux file is written for real in a temporary home, in plain Node.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLinuxAutostart, planAutostart } from '../../electron/core/kiosk/autostart';

let home = '';
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'saldo-autostart-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const linux = (enabled: boolean, executable = '/opt/Saldo/saldo', xdgConfigHome?: string) => {
  const plan = planAutostart({ platform: 'linux', enabled, executable, home, xdgConfigHome });
  if (plan.kind !== 'linux-desktop-file') throw new Error(`expected a desktop file, got ${plan.kind}`);
  return plan;
};

describe('Linux autostart entry', () => {
  it('kiosk on: ~/.config/autostart/saldo.desktop starts Saldo in kiosk mode', () => {
    const plan = linux(true);
    expect(applyLinuxAutostart(plan)).toBe('written');
    const file = join(home, '.config', 'autostart', 'saldo.desktop');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    expect(text).toContain('Type=Application\n');
    expect(text).toContain('Name=Saldo\n');
    expect(text).toContain('Exec=/opt/Saldo/saldo --kiosk\n');
    expect(text).toContain('Terminal=false\n');
  });

  it('a path with spaces is quoted in Exec', () => {
    applyLinuxAutostart(linux(true, '/home/tienda/Mis Programas/Saldo.AppImage'));
    const text = readFileSync(join(home, '.config', 'autostart', 'saldo.desktop'), 'utf8');
    expect(text).toContain('Exec="/home/tienda/Mis Programas/Saldo.AppImage" --kiosk\n');
  });

  it('kiosk off: the entry is removed, and removing again changes nothing', () => {
    applyLinuxAutostart(linux(true));
    expect(applyLinuxAutostart(linux(false))).toBe('removed');
    expect(existsSync(join(home, '.config', 'autostart', 'saldo.desktop'))).toBe(false);
    expect(applyLinuxAutostart(linux(false))).toBe('unchanged');
  });

  it('leaves the other autostart entries alone', () => {
    const other = join(home, '.config', 'autostart', 'printer-tray.desktop');
    mkdirSync(join(home, '.config', 'autostart'), { recursive: true });
    writeFileSync(other, '[Desktop Entry]\nName=Printer\n');
    applyLinuxAutostart(linux(true));
    applyLinuxAutostart(linux(false));
    expect(readFileSync(other, 'utf8')).toBe('[Desktop Entry]\nName=Printer\n');
  });

  it('honours $XDG_CONFIG_HOME when it is an absolute path, and ignores a relative one', () => {
    const configHome = join(home, 'cfg');
    expect(linux(true, '/opt/Saldo/saldo', configHome).path).toBe(join(configHome, 'autostart', 'saldo.desktop'));
    expect(linux(true, '/opt/Saldo/saldo', 'cfg').path).toBe(join(home, '.config', 'autostart', 'saldo.desktop'));
  });
});

describe('Windows login item', () => {
  it.each([true, false])('kiosk %s → open at login %s, started with --kiosk', (enabled) => {
    expect(planAutostart({ platform: 'win32', enabled, executable: 'C:\\Program Files\\Saldo\\Saldo.exe', home: 'C:\\Users\\tienda' })).toEqual({
      kind: 'windows-login-item',
      openAtLogin: enabled,
      path: 'C:\\Program Files\\Saldo\\Saldo.exe',
      args: ['--kiosk'],
    });
  });
});

it('macOS is not a kiosk target: nothing is planned', () => {
  expect(planAutostart({ platform: 'darwin', enabled: true, executable: '/Applications/Saldo.app', home: '/Users/t' }).kind).toBe('unsupported');
});
