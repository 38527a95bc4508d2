/**
 * `npm run preview` as a person runs it: it prints the app's URL (token included) as the last line of
 * start-up, the page at that URL is Saldo, and SIGTERM stops it cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '..', '..');

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, rejectUrl) => {
    const lines = createInterface({ input: child.stdout! });
    const seen: string[] = [];
    lines.on('line', (line) => {
      seen.push(line);
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line)) resolveUrl(line.trim());
    });
    child.once('exit', (code) => rejectUrl(new Error(`preview exited with ${code}: ${seen.join('\n')}`)));
  });
}

test('npm run preview prints the app URL last and serves the first screen', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'saldo-preview-'));
  const child = spawn('npm', ['run', '--silent', 'preview'], { cwd: root, env: { ...process.env, SALDO_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await waitForUrl(child);
    await page.goto(url);
    await expect(page).toHaveTitle('Saldo');
    await expect(page.locator('#root')).not.toBeEmpty();
    mkdirSync(join(root, 'artifacts', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'artifacts', 'screenshots', 'preview-first-screen.png') });
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.kill('SIGTERM');
    await exited;
    // npm forwards the signal to the host; once it has gone, nothing answers on the port any more.
    await expect.poll(async () => fetch(url).then(() => 'answering', () => 'closed'), { timeout: 5_000 }).toBe('closed');
    // npm may exit before the host has finished: the core's last log line says it closed its data cleanly (and the
    // data folder must outlive it, or its last write fails).
    const log = join(dataDir, 'logs', 'saldo.log');
    await expect.poll(() => (existsSync(log) ? readFileSync(log, 'utf8') : ''), { timeout: 10_000 }).toContain('core.closed');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('npm run preview refuses a port that is not a number', async () => {
  const child = spawn('npm', ['run', '--silent', 'preview', '--', '--port', 'abc'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolveExit) => child.once('exit', (exitCode) => resolveExit(exitCode)));
  expect(code).not.toBe(0);
  expect(stderr).toContain('--port must be a number');
});
