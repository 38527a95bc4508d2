/**
 * The browser host: the same core and the same contract as the Electron host, served to a plain browser on
 * 127.0.0.1 for end-to-end tests and for previewing where Electron is not installed.
 *
 * Two secrets. The API token, generated at start, comes in the first page's URL and stays in the page: API
 * calls send it as a Bearer header, the event stream in its URL. The cookie carries only a second, separate
 * token that opens the built renderer's files and nothing else: cookies are not separated by port, so every
 * other service on 127.0.0.1 a browser visits receives it, and with it they can read the app's public
 * bundle but never call the core. It is HttpOnly, SameSite=Strict, named after the port.
 * A request for the page without either token (a stale tab, a restarted host) gets a page with one sentence
 * saying how to open Saldo again, never a blank page. The Host header must name the loopback address, which
 * stops DNS-rebinding pages.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { SaldoCore } from '../core/runtime';
import { CONTENT_SECURITY_POLICY } from '../core/app/content-security-policy';

export interface BrowserHostOptions {
  core: SaldoCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Only loopback addresses are accepted. */
  hostname?: '127.0.0.1' | '::1';
  token?: string;
}

export interface BrowserHost {
  url: string;
  /** The app's address with the token, to open in a browser. */
  appUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const MAX_BODY_BYTES = 256 * 1024;
/** One cookie per port, so two hosts on one machine do not overwrite each other's. */
const cookieNameFor = (port: number): string => `saldo_assets_${port}`;
const INVOKE_PREFIX = '/api/invoke/';

function sameToken(expected: Buffer, given: string | undefined | null): boolean {
  if (!given) return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function cookieToken(request: IncomingMessage, cookieName: string): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) return rest.join('=');
  }
  return undefined;
}

/** The page a tab without a valid token gets instead of a blank one: how to open Saldo again, in both languages. */
const REOPEN_PAGE = `<!doctype html>
<html lang="es-MX"><head><meta charset="utf-8"><title>Saldo</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Saldo</h1>
<p>Esta pestaña ya no tiene acceso a Saldo. Abre otra vez la dirección completa (con <code>?token=</code>) que imprimió <code>npm run preview</code> en su última línea.</p>
<p lang="en">This tab no longer has access to Saldo. Open again the full address (with <code>?token=</code>) that <code>npm run preview</code> printed as its last line.</p>
</body></html>
`;

function sendReopenPage(response: ServerResponse): void {
  response.writeHead(401, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'content-length': Buffer.byteLength(REOPEN_PAGE),
  });
  response.end(REOPEN_PAGE);
}

/** A browser loading a page (not a script, a style or an API call). */
function wantsPage(request: IncomingMessage, pathname: string): boolean {
  return request.method === 'GET' && (pathname === '/' || pathname.endsWith('.html') || (request.headers.accept ?? '').includes('text/html'));
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A file of the built renderer; the page itself sets the assets cookie and the content security policy. */
async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string, rendererDir: string, assetsCookie: string): Promise<void> {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
  const file = normalize(join(rendererDir, relative));
  if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return sendJson(response, 404, { ok: false });
  try {
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['set-cookie'] = assetsCookie;
    }
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    sendJson(response, 404, { ok: false, error: { code: 'not_found', message: 'No such file' } });
  }
}

/** One contract call: POST only, with the token as a Bearer header, the input as a JSON body. */
async function answerInvoke(request: IncomingMessage, response: ServerResponse, pathname: string, core: SaldoCore, expected: Buffer): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 405, { ok: false, error: { code: 'invalid_input', message: 'POST only' } });
  // API calls must carry the token themselves; a cookie alone would let another local page ride along.
  if (!sameToken(expected, bearerToken(request))) return sendJson(response, 401, { ok: false, error: { code: 'unauthenticated', message: 'Bearer token required' } });
  const channel = decodeURIComponent(pathname.slice(INVOKE_PREFIX.length));
  let input: unknown;
  try {
    const text = await readBody(request);
    input = text ? JSON.parse(text) : {};
  } catch {
    return sendJson(response, 400, { ok: false, error: { code: 'invalid_input', message: 'Body must be JSON' } });
  }
  const envelope = await core.dispatcher.invoke(channel, input, { host: 'browser' });
  return sendJson(response, 200, envelope);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const hostname = options.hostname ?? '127.0.0.1';
  if (hostname !== '127.0.0.1' && hostname !== '::1') throw new Error('The browser host listens on loopback only');
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  // The cookie's token: opens the renderer's files only, never the API or the event stream.
  const assetsExpected = Buffer.from(randomBytes(24).toString('base64url'));
  const rendererDir = resolve(options.rendererDir);
  const { core } = options;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = core.events.subscribe((name, payload) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  function hostAllowed(request: IncomingMessage): boolean {
    const host = request.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request)) return sendJson(response, 421, { ok: false, error: { code: 'forbidden', message: 'Unexpected Host header' } });
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith(INVOKE_PREFIX)) return answerInvoke(request, response, url.pathname, core, expected);

    const apiToken = sameToken(expected, bearerToken(request) ?? url.searchParams.get('token'));
    const assetsOnly = !apiToken && sameToken(assetsExpected, cookieToken(request, cookieNameFor(port)));
    if (!apiToken && !(assetsOnly && url.pathname !== '/api/events')) {
      if (wantsPage(request, url.pathname)) return sendReopenPage(response);
      return sendJson(response, 401, { ok: false, error: { code: 'unauthenticated', message: 'Missing or wrong token' } });
    }

    if (url.pathname === '/api/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { ok: false });
    return serveStatic(request, response, url.pathname, rendererDir, `${cookieNameFor(port)}=${assetsExpected.toString()}; HttpOnly; SameSite=Strict; Path=/`);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      core.logger.error('browser_host.request_failed', { error: String(error) });
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'Request failed' } });
      else response.end();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, hostname, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = hostname === '::1' ? `http://[::1]:${port}` : `http://127.0.0.1:${port}`;

  return {
    url: origin,
    appUrl: `${origin}/?token=${token}`,
    token,
    port,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
