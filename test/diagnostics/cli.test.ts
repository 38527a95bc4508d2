/**
 * The technician's commands as a script drives them: `diagnostics` prints the documented shape, and
 * `support-bundle --out FILE.zip` writes a zip that unpacks; wrong flags are refused as invalid_input.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiagnosticsCommand } from '../../electron/cli/diagnostics';

const previous = process.env.SALDO_DATA_DIR;
let dir: string;

async function run(command: 'diagnostics' | 'support-bundle', argv: string[] = []): Promise<{ code: number; json: Record<string, unknown> }> {
  const lines: string[] = [];
  const code = await runDiagnosticsCommand(command, argv, (line) => lines.push(line));
  expect(lines).toHaveLength(1);
  return { code, json: JSON.parse(lines[0]!) as Record<string, unknown> };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-diagnostics-cli-'));
  process.env.SALDO_DATA_DIR = dir;
});

afterAll(() => {
  if (previous === undefined) delete process.env.SALDO_DATA_DIR;
  else process.env.SALDO_DATA_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- diagnostics / support-bundle', () => {
  it('diagnostics prints ok with version, mode, data folder, database, chain, providers, queue and updates', async () => {
    const { code, json } = await run('diagnostics');
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
    const diagnostics = json.diagnostics as Record<string, unknown>;
    for (const key of ['version', 'mode', 'dataDir', 'database', 'chain', 'providers', 'queue', 'updates']) expect(diagnostics).toHaveProperty(key);
    expect(diagnostics).toMatchObject({ mode: 'demo', dataDir: dir, database: { integrity: 'ok', schemaVersion: expect.any(Number), sizeBytes: expect.any(Number) }, chain: { ok: true, head: null } });
    const providers = diagnostics.providers as Array<Record<string, unknown>>;
    expect(providers.map((provider) => provider.id)).toEqual(['relier', 'mobisend', 'liquido']);
    for (const provider of providers) expect(Object.keys(provider)).toEqual(expect.arrayContaining(['id', 'configured', 'reachable', 'latencyMs', 'balance']));
  }, 30_000);

  it('support-bundle --out writes a zip with the diagnostics inside', async () => {
    const out = join(dir, 'bundle.zip');
    const { code, json } = await run('support-bundle', ['--out', out]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, file: out });
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(JSON.parse(Buffer.from(files['diagnostics.json']!).toString())).toMatchObject({ mode: 'demo', dataDir: dir });
  }, 30_000);

  it('refuses a bundle without --out, or not to a .zip, as invalid input', async () => {
    expect(await run('support-bundle')).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('support-bundle', ['--out', join(dir, 'bundle.txt')])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('diagnostics', ['--bogus'])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
  });
});
