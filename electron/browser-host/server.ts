/**
 * The browser host: the same core and the same contract as the Electron host, served to a plain browser on
 * 127.0.0.1 for end-to-end tests and for previewing where Electron is not installed.
 *
 * Every request must carry the token generated at start: the first page load brings it in the URL, which
 * sets an HttpOnly SameSite=Strict cookie for the page's own assets and the event stream; API calls send it
 * as a Bearer header. The Host header must name the loopback address, which stops DNS-rebinding pages.
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
const COOKIE_NAME = 'saldo_token';
const INVOKE_PREFIX = '/api/invoke/';

function sameToken(expected: Buffer, given: string | undefined | null): boolean {
  if (!given) return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE_NAME) return rest.join('=');
  }
  return undefined;
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

/** A file of the built renderer; the page itself sets the token cookie and the content security policy. */
async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string, rendererDir: string, token: string): Promise<void> {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
  const file = normalize(join(rendererDir, relative));
  if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return sendJson(response, 404, { ok: false });
  try {
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['set-cookie'] = `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`;
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
    const presented = bearerToken(request) ?? url.searchParams.get('token') ?? cookieToken(request);
    if (!sameToken(expected, presented)) {
      return sendJson(response, 401, { ok: false, error: { code: 'unauthenticated', message: 'Missing or wrong token' } });
    }

    if (url.pathname.startsWith(INVOKE_PREFIX)) return answerInvoke(request, response, url.pathname, core, expected);

    if (url.pathname === '/api/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { ok: false });
    return serveStatic(request, response, url.pathname, rendererDir, token);
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
