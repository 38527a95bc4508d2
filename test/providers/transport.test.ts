import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HttpTransport, InsecureBaseUrlError, parseBaseUrl, retryAtFromHeader } from '../../electron/core/providers/http';
import { redact } from '../../electron/core/kernel/redact';
import { createProviderAdapters } from '../../electron/core/providers/registry';
import { MobiSendAdapter } from '../../electron/core/providers/mobisend';
import { RecordingLogger, runtimeFor } from './helpers';

/** A server that answers every request with `body` (and status), for shapes no sandbox would produce. */
async function serveRaw(status: number, body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('transport', () => {
  it('requires HTTPS except on loopback', () => {
    expect(parseBaseUrl('https://app.via.one/api/mobisend').href).toBe('https://app.via.one/api/mobisend');
    expect(parseBaseUrl('http://127.0.0.1:4000').hostname).toBe('127.0.0.1');
    expect(parseBaseUrl('http://localhost:4000').hostname).toBe('localhost');
    expect(parseBaseUrl('http://[::1]:4000').hostname).toBe('[::1]');
    expect(() => parseBaseUrl('http://app.via.one/api/mobisend')).toThrow(InsecureBaseUrlError);
    expect(() => parseBaseUrl('http://10.0.0.5')).toThrow(InsecureBaseUrlError);
    expect(() => parseBaseUrl('ftp://example.com')).toThrow(InsecureBaseUrlError);
    expect(() => createProviderAdapters({ mobisend: { baseUrl: 'http://example.com', apiKey: 'k' } })).toThrow(InsecureBaseUrlError);
  });

  it('keeps a base URL path when appending endpoint paths', () => {
    const transport = new HttpTransport({ baseUrl: 'https://app.via.one/api/mobisend/' });
    expect(transport.urlFor('/catalog/MX/AT%26T', { limit: 20, page: undefined }).href).toBe('https://app.via.one/api/mobisend/catalog/MX/AT%26T?limit=20');
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAtFromHeader('30', 1_000)).toBe(31_000);
    expect(retryAtFromHeader('Wed, 21 Oct 2026 07:28:00 GMT', 0)).toBe(Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'));
    expect(retryAtFromHeader(null, 0)).toBeUndefined();
    expect(retryAtFromHeader('soon', 0)).toBeUndefined();
  });

  it('redacts every credential and bearer token from logged bodies', () => {
    expect(redact('key sandbox-abc123 and Bearer tok.en-1 here', ['sandbox-abc123'])).toBe('key [redacted] and Bearer [redacted] here');
  });

  it('an unknown shape is unexpected_response, logged with credentials redacted, never success', async () => {
    const apiKey = 'sandbox-echoed-key-1234';
    const server = await serveRaw(200, JSON.stringify({ success: true, order: { weird: apiKey } }));
    try {
      const logger = new RecordingLogger();
      const adapter = new MobiSendAdapter({ baseUrl: server.url, apiKey }, runtimeFor(logger));
      const result = await adapter.topup({ idempotencyKey: 'k', reference: 'r', phone: '5512345678', country: 'MX', amount: { minor: 10000, currency: 'MXN' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'unexpected_response', outcomeKnown: false, retrySameKeySafe: true } });
      expect(logger.entries).toHaveLength(1);
      const logged = JSON.stringify(logger.entries[0]);
      expect(logged).toContain('[redacted]');
      expect(logged).not.toContain(apiKey);
    } finally {
      await server.close();
    }
  });

  it('an HTTP status no document lists is not taken for success', async () => {
    const server = await serveRaw(418, '<html>teapot</html>');
    try {
      const adapter = new MobiSendAdapter({ baseUrl: server.url, apiKey: 'k' }, runtimeFor(new RecordingLogger()));
      expect(await adapter.balance()).toMatchObject({ ok: false, error: { code: 'provider_error', httpStatus: 418 } });
    } finally {
      await server.close();
    }
  });

  it('times out on a server that never answers, at the configured timeout', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const transport = new HttpTransport({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 100 });
      const started = Date.now();
      expect(await transport.send({ method: 'POST', path: '/topup', body: {} })).toMatchObject({ kind: 'no_answer', reason: 'timeout', notSent: false });
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
