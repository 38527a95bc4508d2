/**
 * Windows update signing, without Electron or Windows: the release configuration electron-builder reads, and
 * electron-updater's own NsisUpdater, configured as the kiosk configures it, handed an unsigned update.
 * PowerShell's publisher check cannot run here; the test puts a recording stand-in in its place, which also
 * shows that an unsigned file is refused before that check is ever asked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import electronUpdater, { type AppUpdater } from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureAutoUpdater, updateChannelFrom, windowsUpdateBlocker } from '../../electron/main/updates';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isDebugEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

type BuilderConfig = {
  electronFuses: Record<string, boolean>;
  win: { forceCodeSigning?: boolean; verifyUpdateCodeSignature?: boolean; signtoolOptions?: Record<string, unknown> };
  publish: { provider: string; url: string; channel?: string };
  generateUpdatesFilesForAllChannels?: boolean;
  detectUpdateChannel?: boolean;
};
const builderYml = readFileSync(resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
const builderConfig = yaml.load(builderYml) as BuilderConfig;
const publisherName = builderConfig.win.signtoolOptions?.publisherName as string;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-updates-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it('is valid for electron-builder 26', async () => {
    await expect(validateConfiguration(builderConfig, { isDebugEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('flips the fuses the issue asks for', () => {
    expect(builderConfig.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('signs Windows builds, names the publisher and verifies updates against it', () => {
    expect(builderConfig.win.forceCodeSigning).toBe(true);
    expect(builderConfig.win.verifyUpdateCodeSignature).toBe(true);
    expect(typeof publisherName).toBe('string');
    expect(publisherName.trim().length).toBeGreaterThan(0);
  });

  it('publishes a beta version only to the beta channel, and a stable one to both', () => {
    // A fixed publish.channel turns off electron-builder's channel-from-version: betas would land in latest.yml.
    expect(builderConfig.publish.channel).toBeUndefined();
    expect(builderConfig.detectUpdateChannel).not.toBe(false);
    expect(builderConfig.generateUpdatesFilesForAllChannels).toBe(true);
    expect(builderConfig.publish.url).toMatch(/^https:\/\//);
  });

  it('commits no certificate or password: they come from the environment', () => {
    const signing = builderConfig.win.signtoolOptions ?? {};
    expect(signing).not.toHaveProperty('certificateFile');
    expect(signing).not.toHaveProperty('certificatePassword');
    expect(builderYml).not.toMatch(/\.(pfx|p12)\b/i);
    expect(builderYml).not.toMatch(/password\s*:/i);
  });
});

/** A minimal PE32+ file; with `certificate`, a WIN_CERTIFICATE entry its security directory points at. */
function portableExecutable(certificate?: { type: number; declaredSize?: number }): Buffer {
  const peOffset = 0x80;
  const optionalHeader = peOffset + 24;
  const rvaCount = optionalHeader + 108;
  const securityEntry = rvaCount + 4 + 4 * 8;
  const body = Buffer.alloc(1024);
  body.write('MZ', 0, 'latin1');
  body.writeUInt32LE(peOffset, 0x3c);
  body.write('PE\0\0', peOffset, 'latin1');
  body.writeUInt16LE(0x20b, optionalHeader);
  body.writeUInt32LE(16, rvaCount);
  if (!certificate) return body;
  const entry = Buffer.alloc(16);
  entry.writeUInt32LE(16, 0);
  entry.writeUInt16LE(0x0200, 4);
  entry.writeUInt16LE(certificate.type, 6);
  body.writeUInt32LE(body.length, securityEntry);
  body.writeUInt32LE(certificate.declaredSize ?? entry.length, securityEntry + 4);
  return Buffer.concat([body, entry]);
}

function writeFile(name: string, contents: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

type VerifiableUpdater = AppUpdater & { verifySignature(path: string): Promise<string | null> };

/** electron-updater's Windows updater, reading the app-update.yml electron-builder writes for this config. */
function kioskWindowsUpdater(appUpdateYml: string, publisherCheck: (names: string[], path: string) => Promise<string | null>): VerifiableUpdater {
  const appUpdateConfigPath = writeFile(`app-update-${Math.random().toString(36).slice(2)}.yml`, appUpdateYml);
  const app = {
    version: '1.0.0',
    name: 'Saldo',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: () => Promise.resolve(),
    relaunch() {},
    quit() {},
    onQuit() {},
  };
  const updater = new electronUpdater.NsisUpdater(undefined, app);
  updater.verifyUpdateCodeSignature = publisherCheck;
  configureAutoUpdater(updater, 'latest');
  // verifySignature is the step NsisUpdater runs on every downloaded installer before it may be installed.
  return updater as unknown as VerifiableUpdater;
}

const appUpdateYmlWithPublisher = () =>
  [`provider: ${builderConfig.publish.provider}`, `url: ${builderConfig.publish.url}`, `channel: latest`, 'publisherName:', `  - ${publisherName}`, 'updaterCacheDirName: saldo-updater', ''].join('\n');

describe('a Windows update on a kiosk', () => {
  it('is refused when it is not signed, before the publisher check is even asked', async () => {
    const asked: string[][] = [];
    const updater = kioskWindowsUpdater(appUpdateYmlWithPublisher(), async (names) => {
      asked.push(names);
      return null;
    });
    const unsigned = writeFile('Saldo-Setup-9.9.9.exe', portableExecutable());
    expect(await updater.verifySignature(unsigned)).toMatch(/not signed/);
    expect(await updater.verifySignature(writeFile('not-an-exe.exe', 'echo pwned'))).toMatch(/not a Windows executable/);
    const truncated = writeFile('truncated.exe', portableExecutable({ type: 0x0002, declaredSize: 4096 }));
    expect(await updater.verifySignature(truncated)).toMatch(/truncated/);
    const wrongKind = writeFile('x509-only.exe', portableExecutable({ type: 0x0001 }));
    expect(await updater.verifySignature(wrongKind)).toMatch(/not Authenticode/);
    expect(asked).toEqual([]);
  });

  it('passes a signed installer to the publisher check with the configured publisher, which decides', async () => {
    const asked: string[][] = [];
    const signed = writeFile('signed.exe', portableExecutable({ type: 0x0002 }));
    const trusting = kioskWindowsUpdater(appUpdateYmlWithPublisher(), async (names) => {
      asked.push(names);
      return null;
    });
    expect(await trusting.verifySignature(signed)).toBeNull();
    expect(asked).toEqual([[publisherName]]);
    const otherSigner = kioskWindowsUpdater(appUpdateYmlWithPublisher(), async () => 'signed by CN=Someone Else');
    expect(await otherSigner.verifySignature(signed)).toBe('signed by CN=Someone Else');
  });

  it('does not update at all when app-update.yml names no publisher (electron-updater would skip the check)', async () => {
    const withPublisher = writeFile('with.yml', appUpdateYmlWithPublisher());
    const withoutPublisher = writeFile('without.yml', 'provider: generic\nurl: https://updates.saldo.invalid/kiosk/\n');
    const inline = writeFile('inline.yml', `provider: generic\npublisherName: ${publisherName}\n`);
    expect(await windowsUpdateBlocker('win32', withPublisher)).toBeNull();
    expect(await windowsUpdateBlocker('win32', inline)).toBeNull();
    expect(await windowsUpdateBlocker('win32', withoutPublisher)).toMatch(/publisherName/);
    expect(await windowsUpdateBlocker('win32', writeFile('empty.yml', 'publisherName: []\n'))).toMatch(/publisherName/);
    expect(await windowsUpdateBlocker('win32', join(dir, 'missing.yml'))).toMatch(/could not be read/);
    expect(await windowsUpdateBlocker('linux', withoutPublisher)).toBeNull();
  });

  it('never goes backwards, never runs a web installer, and follows only stable or beta', () => {
    const updater = kioskWindowsUpdater(appUpdateYmlWithPublisher(), async () => null);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.disableWebInstaller).toBe(true);
    expect(updater.channel).toBe('latest');
    configureAutoUpdater(updater, 'beta');
    expect(updater.channel).toBe('beta');
    expect(updater.allowPrerelease).toBe(true);
    expect(updater.allowDowngrade).toBe(false);
    expect(updateChannelFrom('beta')).toBe('beta');
    expect(updateChannelFrom(undefined)).toBe('latest');
    expect(updateChannelFrom('../../evil')).toBe('latest');
    expect(updateChannelFrom('alpha')).toBe('latest');
  });
});
