import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { runLedgerCommand } from '../../electron/cli/ledger-commands';
import { tempDir } from '../sales/fakes';

let dir: string;
const previous = process.env.SALDO_DATA_DIR;

async function run(command: string, ...argv: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const lines: string[] = [];
  const code = await runLedgerCommand(command, argv, (line) => lines.push(line));
  expect(lines).toHaveLength(1);
  return { code, json: JSON.parse(lines[0] ?? '{}') as Record<string, unknown> };
}

beforeAll(() => {
  dir = tempDir();
  process.env.SALDO_DATA_DIR = dir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.SALDO_DATA_DIR;
  else process.env.SALDO_DATA_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

describe('ledger commands', () => {
  it('sell records and sends one sale (demo sandboxes), amounts as people say them', async () => {
    const { code, json } = await run('sell', '--phone', '5512345678', '--amount', '50', '--carrier', 'Telcel');
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, sale: { price: { minor: 5000, currency: 'MXN' }, phone: '5512345678', cashierId: 'cli' } });
    expect(['succeeded', 'pending']).toContain((json.sale as { state: string }).state);
  }, 60_000);

  it('sales lists today, by state; sync runs one pass; verify checks integrity and the chain', async () => {
    const listed = await run('sales', '--today');
    expect(listed.code).toBe(0);
    expect(listed.json).toMatchObject({ ok: true, count: 1 });
    expect((await run('sales', '--state', 'refunded')).json).toMatchObject({ ok: true, count: 0 });
    const synced = await run('sync');
    expect(synced).toMatchObject({ code: 0, json: { ok: true, sync: { expired: 0 } } });
    const verified = await run('verify');
    expect(verified).toMatchObject({ code: 0, json: { ok: true, integrity: ['ok'], chain: { ok: true, firstBroken: null } } });
  }, 60_000);

  it('sell asks before the same number and amount again (--repeat confirms) and names the flags for a blocked re-sell', async () => {
    const first = await run('sell', '--phone', '5512340099', '--amount', '30', '--carrier', 'Telcel');
    expect(first.code).toBe(0);
    const again = await run('sell', '--phone', '5512340099', '--amount', '30', '--carrier', 'Telcel');
    expect(again.code).toBe(1);
    const state = (first.json.sale as { state: string }).state;
    // A delivered sale asks "another one?"; one still being applied blocks until it is resolved.
    expect(again.json).toMatchObject({ ok: false, error: { code: state === 'succeeded' ? 'repeat_unconfirmed' : 'resell_blocked' } });
    if (state === 'succeeded') expect(await run('sell', '--phone', '5512340099', '--amount', '30', '--carrier', 'Telcel', '--repeat')).toMatchObject({ code: 0, json: { ok: true } });
    expect(await run('sell', '--phone', '5512340099', '--amount', '30', '--owner-pin', '12')).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
  }, 60_000);

  it('refuses bad input with one JSON line and exit status 1', async () => {
    expect(await run('sell', '--phone', '5512345678')).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('sell', '--phone', '5512345678', '--amount', 'fifty')).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('sell', '--phone', '12', '--amount', '50')).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('sales', '--state', 'lost')).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('sales', '--bogus')).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
  }, 60_000);

  it('verify reports the first broken link from a child process, exit status 1', async () => {
    const db = new BetterSqlite3(join(dir, 'saldo.sqlite'));
    db.exec('DROP TRIGGER sale_events_no_update');
    db.prepare("UPDATE sale_events SET detail = 'tampered' WHERE seq = 2").run();
    db.close();
    const exec = promisify(execFile);
    const result: { code?: number; stdout: string } = await exec(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli-runner.ts'), 'verify'], { env: { ...process.env, SALDO_DATA_DIR: dir } }).catch((error: { code: number; stdout: string }) => error);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ ok: false, chain: { ok: false, firstBroken: { seq: 2, reason: 'hash_mismatch' } } });
  }, 60_000);
});
