/**
 * `npm run preview`: the app in a browser tab. Starts the core (demo mode unless real credentials are
 * configured), serves the built renderer on 127.0.0.1, and prints the app's URL with its token as the last
 * line of start-up. Serves until SIGINT or SIGTERM.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSaldoCore } from '../core/runtime';
import { packageVersion, resolveDataDir } from '../core/data-dir';
import { startDemoSandboxes } from '../sandbox';
import { startBrowserHost } from './server';

const projectRoot = resolve(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, got "${values.port}"`);
    process.exit(2);
  }
  const dataDir = resolveDataDir();
  const core = await createSaldoCore({
    dataDir,
    host: 'browser',
    version: packageVersion(resolve(projectRoot, 'package.json')),
    validateContract: process.env.NODE_ENV !== 'production',
    demoProviders: () => startDemoSandboxes(),
  });
  const host = await startBrowserHost({ core, rendererDir: resolve(projectRoot, 'out', 'renderer'), port });
  console.log(`Saldo ${core.info.version} (${core.info.mode} mode), data in ${dataDir}`);
  console.log(host.appUrl);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(`Saldo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
