/**
 * The installers' configuration, checked where `npm run package` cannot run (Electron's binary cannot be
 * fetched here): electron-builder accepts it, the targets are the ones field techs install, every icon exists
 * at the size each platform asks for (real image dimensions, not file names), the deb declares its
 * dependencies and a desktop entry, the update feed is set, and signing and fuses are what they must be.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBuilderArguments } from '../../scripts/package.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// electron-builder reads its YAML with js-yaml and validates it with app-builder-lib's schema: the same two here.
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

interface BuilderConfig {
  directories?: { buildResources?: string };
  win?: { target?: Array<{ target: string }>; icon?: string; publisherName?: unknown; signtoolOptions?: { publisherName?: unknown } };
  nsis?: { installerIcon?: string; uninstallerIcon?: string };
  linux?: { target?: string[]; icon?: string; desktop?: { entry?: Record<string, string> } };
  deb?: { depends?: string[] };
  publish?: { provider?: string; url?: string; channel?: string };
  generateUpdatesFilesForAllChannels?: boolean;
  electronFuses?: Record<string, boolean>;
}

const configText = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;
const resource = (path: string) => join(root, path);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Sizes listed in an ICO's directory (0 in the size byte means 256). */
function icoSizes(file: string): number[] {
  const bytes = readFileSync(file);
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2), `${file} is an icon`).toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const width = bytes.readUInt8(6 + index * 16);
    const height = bytes.readUInt8(7 + index * 16);
    expect(width).toBe(height);
    return width === 0 ? 256 : width;
  });
}

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder’s own configuration schema', async () => {
    await expect(builderConfig.validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('builds the installers field techs use: NSIS for Windows, AppImage and deb for Linux', () => {
    expect(config.win?.target?.map((target) => target.target)).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('gives Windows an .ico with every size Explorer, the taskbar and the installer ask for', () => {
    for (const path of [config.win?.icon, config.nsis?.installerIcon, config.nsis?.uninstallerIcon]) {
      expect(path).toBeDefined();
      expect(existsSync(resource(path ?? ''))).toBe(true);
    }
    expect(icoSizes(resource(config.win?.icon ?? ''))).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]));
  });

  it('gives Linux a full icon set, each file really the size its name says, and a 1024 px default icon', () => {
    const iconDir = resource(config.linux?.icon ?? 'missing');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(join(iconDir, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    // electron-builder's default icon (build resources/icon.png) must be at least 512 px for every target.
    expect(pngSize(join(resource(config.directories?.buildResources ?? 'resources'), 'icon.png')).width).toBeGreaterThanOrEqual(512);
  });

  it('keeps the generated icons traceable to the committed source SVG and its script', () => {
    expect(readFileSync(resource('resources/icon.svg'), 'utf8')).toContain('<svg');
    expect(JSON.parse(readFileSync(resource('package.json'), 'utf8')).scripts.icons).toBe('node scripts/make-icons.mjs');
  });

  it('makes the deb declare what Electron and Saldo need, and install a desktop entry', () => {
    const depends = config.deb?.depends ?? [];
    for (const needed of ['libnss3', 'libgtk-3-0', 'libsecret-1-0', 'libcups2', 'libgbm1', 'libasound2', 'xdg-utils']) {
      expect(depends.some((entry) => entry.split('|').map((name) => name.trim()).includes(needed)), `deb depends on ${needed}`).toBe(true);
    }
    expect(config.linux?.desktop?.entry).toMatchObject({ Name: 'Saldo', Categories: expect.stringContaining('Office') });
  });

  it('publishes to the generic update feed over HTTPS, with the channel taken from the version', () => {
    expect(config.publish?.provider).toBe('generic');
    expect(config.publish?.url).toMatch(/^https:\/\//);
    // A fixed channel would make a beta build overwrite latest.yml, sending a beta to every stable shop.
    expect(config.publish?.channel).toBeUndefined();
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });

  // electron-builder expands ${env.X} only in some fields (artifactName, file patterns), NOT in publisherName, so
  // `npm run package` (scripts/package.mjs) passes it from SALDO_WIN_PUBLISHER_NAME as a config override.
  describe('publisherName comes from the environment at release time', () => {
    it('keeps only a clearly named placeholder in electron-builder.yml, never a company name', () => {
      expect(config.win?.signtoolOptions?.publisherName).toMatch(/^SET-BY-scripts\/package\.mjs/);
      expect(JSON.parse(readFileSync(resource('package.json'), 'utf8')).scripts.package).toBe('node scripts/package.mjs');
    });

    it('passes SALDO_WIN_PUBLISHER_NAME to electron-builder as the publisher, spaces and dots intact', () => {
      const result = electronBuilderArguments({
        platform: 'win32',
        env: { SALDO_WIN_PUBLISHER_NAME: 'Tiendas Ejemplo S.A. de C.V.' },
        builderArgs: ['--publish', 'never'],
      });
      expect(result).toEqual({
        ok: true,
        builderArgs: ['--publish', 'never', '--config.win.signtoolOptions.publisherName=Tiendas Ejemplo S.A. de C.V.'],
      });
    });

    it('refuses a Windows build without it, in one sentence naming the variable', () => {
      for (const [platform, builderArgs] of [['win32', []], ['linux', ['--win']], ['win32', ['--win', '--linux']]] as const) {
        const result = electronBuilderArguments({ platform, env: { SALDO_WIN_PUBLISHER_NAME: '  ' }, builderArgs: [...builderArgs] });
        expect(result.ok, `${platform} ${builderArgs.join(' ')}`).toBe(false);
        if (!result.ok) expect(result.message).toBe('Set SALDO_WIN_PUBLISHER_NAME to the exact subject CN of the Windows code-signing certificate before building for Windows.');
      }
    });

    it('lets a Linux build run without it (Linux packages carry no Authenticode publisher)', () => {
      expect(electronBuilderArguments({ platform: 'linux', env: {} })).toEqual({ ok: true, builderArgs: [] });
      expect(electronBuilderArguments({ platform: 'win32', env: {}, builderArgs: ['--linux'] })).toEqual({ ok: true, builderArgs: ['--linux'] });
    });
  });

  it.skipIf(config.electronFuses === undefined)('PENDING-FUSES: flips the Electron fuses a kiosk needs', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
