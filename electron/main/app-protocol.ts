/**
 * The renderer is served from a privileged custom scheme, `app://saldo/`, instead of `file://`: a file: page
 * may read any other file: URL and shares one opaque origin with every file on the disk, whereas app://saldo is
 * one exact origin that the IPC sender check can compare, and this handler answers only for files inside the
 * built renderer folder. Everything here but the two register functions is plain Node, so the path rules are
 * tested without an Electron binary (test/electron-host/app-protocol.test.ts).
 */
import { readFile as readFileCallback, realpath as realpathCallback } from 'node:fs';
import { promisify } from 'node:util';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/app/content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'saldo';
/** The one origin the app's page has; ipc.ts trusts calls from this origin only. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and relative URLs, `secure` makes
 * it a secure context (like https), `supportFetchAPI` lets the page fetch its own assets. Deliberately absent:
 * `bypassCSP` (the CSP applies), `corsEnabled` (no other origin reads app:// resources), `allowServiceWorkers`.
 */
export function registerAppSchemeAsPrivileged(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After ready: every app:// request of the default session goes through the handler below. */
export function handleAppScheme(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));
}

/**
 * The file an app:// URL names inside `rendererRoot`, or null when the URL must be refused: another scheme or
 * host, credentials or a port in the URL, a path that is not valid percent-encoding, that contains a NUL or a
 * backslash, or a `..` segment (also when percent-encoded), or that resolves outside the root. `/` is the page.
 */
export function resolveAppAssetPath(requestUrl: string, rendererRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;

  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decodedPath.includes('\0') || decodedPath.includes('\\')) return null;
  const segments = decodedPath.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return null;
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');

  const root = resolve(rendererRoot);
  const filePath = resolve(root, relativePath);
  return isInside(root, filePath) ? filePath : null;
}

function isInside(root: string, candidate: string): boolean {
  const fromRoot = relative(root, candidate);
  return fromRoot !== '' && !fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot);
}

// The callback forms, promisified: Electron's asar support patches fs.readFile and fs.realpath for paths
// inside app.asar (where the renderer lives in a packaged build); the callback forms are the ones it has
// always patched.
const readFile = promisify(readFileCallback);
const realpath = promisify(realpathCallback);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
} as const;

function refusal(status: 400 | 404 | 405): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

/**
 * Answers app:// requests with files from `rendererRoot` only. Symbolic links are followed and the real path
 * checked again, so a link inside the folder cannot serve a file outside it. Only GET and HEAD are answered.
 */
export function createAppRequestHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const realRoot = realpath(resolve(rendererRoot)).catch(() => resolve(rendererRoot));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const root = await realRoot;
    const filePath = resolveAppAssetPath(request.url, root);
    if (filePath === null) return refusal(400);
    try {
      const realFile = await realpath(filePath);
      if (!isInside(root, realFile)) return refusal(404);
      const body = await readFile(realFile);
      const contentType = CONTENT_TYPES[extname(realFile).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
    } catch {
      return refusal(404);
    }
  };
}
