/**
 * The app:// handler, without an Electron binary: electron/main/app-protocol.ts answers Fetch API requests
 * with files of the renderer folder and nothing else. A secret file beside the folder stands for everything
 * else on the disk (the data folder, providers.json); no request may read it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createAppRequestHandler, registerAppSchemeAsPrivileged, resolveAppAssetPath } from '../../electron/main/app-protocol';
import { seededRandomForTest } from '../sales/seed-for-test';

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';
let base: string;
let rendererRoot: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'saldo-app-protocol-'));
  rendererRoot = join(base, 'renderer');
  mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(rendererRoot, 'assets', 'index-abc.js'), 'console.log("app")');
  writeFileSync(join(rendererRoot, 'assets', 'a b.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'renderer-evil.txt'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(rendererRoot, 'assets', 'link-out.txt'));
  handle = createAppRequestHandler(rendererRoot);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('resolveAppAssetPath', () => {
  it('maps the page and its assets to files inside the renderer folder', () => {
    expect(APP_ENTRY_URL).toBe('app://saldo/index.html');
    expect(resolveAppAssetPath('app://saldo/index.html', rendererRoot)).toBe(join(rendererRoot, 'index.html'));
    expect(resolveAppAssetPath('app://saldo/', rendererRoot)).toBe(join(rendererRoot, 'index.html'));
    expect(resolveAppAssetPath('app://saldo', rendererRoot)).toBe(join(rendererRoot, 'index.html'));
    expect(resolveAppAssetPath('app://saldo/assets/index-abc.js?v=1#x', rendererRoot)).toBe(join(rendererRoot, 'assets', 'index-abc.js'));
    expect(resolveAppAssetPath('app://saldo/assets/a%20b.css', rendererRoot)).toBe(join(rendererRoot, 'assets', 'a b.css'));
  });

  it('keeps every spelling of path traversal inside the renderer folder', () => {
    // The URL parser (Node's here, Chromium's in the app) already folds literal and %2e dot segments into the
    // root, so these either resolve to a file inside the folder or are refused; none reaches the secret.
    const traversals = [
      'app://saldo/../secret.txt',
      'app://saldo/assets/../../secret.txt',
      'app://saldo/%2e%2e/secret.txt',
      'app://saldo/%2E%2E/secret.txt',
      'app://saldo/.%2e/secret.txt',
      'app://saldo/%252e%252e/secret.txt',
      'app://saldo/./index.html',
    ];
    for (const url of traversals) {
      const resolved = resolveAppAssetPath(url, rendererRoot);
      if (resolved !== null) expect(resolved.startsWith(join(rendererRoot, '/')), `${url} → ${resolved}`).toBe(true);
    }
  });

  it('refuses traversal that only appears once the path is decoded (encoded slashes and backslashes)', () => {
    const refused = [
      'app://saldo/%2e%2e%2fsecret.txt',
      'app://saldo/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://saldo/..%2fsecret.txt',
      'app://saldo/..%5csecret.txt',
      'app://saldo/assets%5c..%5c..%5csecret.txt',
      'app://saldo/%2e%2f%2e%2e%2fsecret.txt',
    ];
    for (const url of refused) expect(resolveAppAssetPath(url, rendererRoot), url).toBeNull();
  });

  it('refuses absolute paths, drive letters, NUL bytes and broken encodings', () => {
    const refused = [
      `app://saldo/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://saldo//etc/passwd',
      'app://saldo/C:/Windows/win.ini',
      'app://saldo/C%3A%5CWindows%5Cwin.ini',
      'app://saldo/index.html%00.png',
      'app://saldo/%E0%A4%A',
    ];
    for (const url of refused) {
      const resolved = resolveAppAssetPath(url, rendererRoot);
      if (resolved !== null) expect(resolved.startsWith(join(rendererRoot, '')), url).toBe(true);
    }
    expect(resolveAppAssetPath('app://saldo/C:/Windows/win.ini', rendererRoot)).toBeNull();
    expect(resolveAppAssetPath('app://saldo/index.html%00.png', rendererRoot)).toBeNull();
    expect(resolveAppAssetPath('app://saldo/%E0%A4%A', rendererRoot)).toBeNull();
  });

  it('answers only its own scheme and host, without a port or credentials', () => {
    const foreign = [
      'file:///etc/passwd',
      'https://saldo/index.html',
      'app://evil/index.html',
      'app://saldo.evil/index.html',
      'app://saldo:8080/index.html',
      'app://user:pw@saldo/index.html',
      'not a url',
    ];
    for (const url of foreign) expect(resolveAppAssetPath(url, rendererRoot), url).toBeNull();
  });
});

describe('the app:// request handler', () => {
  it('serves the page with its content type and the app’s CSP', async () => {
    const page = await get('app://saldo/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('id="root"');
    const script = await get('app://saldo/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never returns a file from outside the renderer folder', async () => {
    const attempts = [
      'app://saldo/../secret.txt',
      'app://saldo/%2e%2e/secret.txt',
      'app://saldo/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://saldo/..%5csecret.txt',
      'app://saldo/../renderer-evil.txt',
      `app://saldo/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://saldo/assets/link-out.txt',
      'app://saldo/missing.js',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('answers GET and HEAD only', async () => {
    expect((await get('app://saldo/index.html', 'HEAD')).status).toBe(200);
    expect((await get('app://saldo/index.html', 'POST')).status).toBe(405);
    expect((await get('app://saldo/index.html', 'DELETE')).status).toBe(405);
  });
});

describe('random paths', () => {
  // Pieces an attacker would combine: dot segments in every spelling, separators, drive letters, NULs.
  const PIECES = ['..', '.', '%2e', '%2E', '%2e%2e', '.%2e', '%2f', '%2F', '%5c', '\\', '/', '//', '%00', 'C:', '%3a', 'assets', 'index.html', 'secret.txt', 'renderer', '%252e', '%', 'a b', '~'];
  const RUNS = Number(process.env.SALDO_FUZZ_RUNS ?? 2000);

  it(`never resolve outside the renderer folder, nor serve the secret (${RUNS} cases)`, async () => {
    const random = seededRandomForTest('app:// random paths');
    for (let run = 0; run < RUNS; run += 1) {
      const path = Array.from({ length: random.int(1, 8) }, () => random.pick(PIECES)).join(random.pick(['/', '', '/']));
      const url = `app://saldo/${path}`;
      const resolved = resolveAppAssetPath(url, rendererRoot);
      if (resolved !== null) expect(resolved.startsWith(join(rendererRoot, '/')), `${url} → ${resolved}`).toBe(true);
      if (run % 10 === 0) {
        const response = await Promise.resolve().then(() => get(url)).catch(() => null);
        if (response) expect(await response.text(), url).not.toContain(SECRET);
      }
    }
  });
});

describe('registerAppSchemeAsPrivileged', () => {
  it('makes app: standard and secure, without bypassing the CSP or enabling CORS', () => {
    const registered: unknown[] = [];
    registerAppSchemeAsPrivileged({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});
