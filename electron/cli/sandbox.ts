/**
 * `npm run sandbox [-- --port-base N]`: the three provider sandboxes on 127.0.0.1, one JSON line each
 * ({"provider","url","credentials"}), serving until SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startDemoSandboxes } from '../sandbox/index';

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { 'port-base': { type: 'string' } }, strict: true });
  const portText = values['port-base'];
  if (portText !== undefined && !/^\d+$/.test(portText)) throw new Error('--port-base must be a port number');
  const sandboxes = await startDemoSandboxes(portText !== undefined ? { portBase: Number(portText) } : {});
  for (const sandbox of sandboxes) {
    process.stdout.write(`${JSON.stringify({ provider: sandbox.provider, url: sandbox.url, credentials: sandbox.credentials })}\n`);
  }
  const stop = (): void => {
    void Promise.all(sandboxes.map((sandbox) => sandbox.close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
