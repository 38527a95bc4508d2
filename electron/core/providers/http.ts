/**
 * The HTTP transport the adapters share: fetch with a timeout, HTTPS required off loopback, and every way a
 * request can end reduced to "the provider answered" or "no answer" (with whether it can have reached it).
 * Redirects are never followed: the credentials travel in headers, and a 3xx to another origin would carry
 * them there. A 3xx is handed to the adapter as the answer it is (its classifier reads it as unexpected).
 */

export const DEFAULT_TIMEOUT_MS = 30_000;

export class InsecureBaseUrlError extends Error {
  override name = 'InsecureBaseUrlError';
}

const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Parses a base URL and refuses plain HTTP anywhere but loopback (credentials travel in headers). */
export function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InsecureBaseUrlError(`not a URL: "${text}"`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new InsecureBaseUrlError(`base URL must use https:// (plain http is allowed on loopback only): ${url.origin}`);
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Appended to the base URL's path. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  timeoutMs?: number;
}

export type NoAnswerReason = 'timeout' | 'reset' | 'refused' | 'network';

export type HttpOutcome =
  | { kind: 'answered'; status: number; headers: Headers; text: string }
  | { kind: 'no_answer'; reason: NoAnswerReason; detail: string; notSent: boolean };

/** Errors that prove the request never left this machine or never reached a server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export class HttpTransport {
  readonly baseUrl: URL;
  private readonly timeoutMs: number;

  constructor(options: { baseUrl: string; timeoutMs?: number }) {
    this.baseUrl = parseBaseUrl(options.baseUrl);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  urlFor(path: string, query?: HttpRequest['query']): URL {
    const url = new URL(this.baseUrl.href);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  async send(request: HttpRequest): Promise<HttpOutcome> {
    const signal = AbortSignal.timeout(request.timeoutMs ?? this.timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(this.urlFor(request.path, request.query), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal,
      });
      // The body is read under the same signal: a provider that sends headers and then stalls is a timeout too.
      const text = await response.text();
      return { kind: 'answered', status: response.status, headers: response.headers, text };
    } catch (error) {
      return describeFailure(error, signal);
    }
  }
}

function describeFailure(error: unknown, signal: AbortSignal): HttpOutcome {
  const detail = error instanceof Error ? error.message : String(error);
  if (signal.aborted || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
    return { kind: 'no_answer', reason: 'timeout', detail: 'no answer before the timeout', notSent: false };
  }
  const code = errorCode(error);
  if (code && NOT_SENT_CODES.has(code)) return { kind: 'no_answer', reason: 'refused', detail: `${code}: ${detail}`, notSent: true };
  if (code && RESET_CODES.has(code)) return { kind: 'no_answer', reason: 'reset', detail: `${code}: ${detail}`, notSent: false };
  return { kind: 'no_answer', reason: 'network', detail: code ? `${code}: ${detail}` : detail, notSent: false };
}

/** fetch wraps socket errors: TypeError("fetch failed") whose cause (or the cause's cause) has the code. */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    if (typeof current === 'object' && current !== null) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string') return code;
      current = (current as { cause?: unknown }).cause;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Parses a JSON body without throwing. */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Retry-After as seconds or an HTTP date, into epoch ms; undefined when absent or unreadable. */
export function retryAtFromHeader(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return now + Math.ceil(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date;
}
