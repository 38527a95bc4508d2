/**
 * A provider that echoes the credentials back (in an error, in a body it should not send) must not get them
 * into a stored failure message, a response or a log line; messages are also capped and cleaned.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/kernel/logger';
import { MESSAGE_MAX_CHARS, registerSecrets } from '../../electron/core/kernel/redact';
import { createProviderAdapters } from '../../electron/core/providers/registry';
import { withSafeMessages } from '../../electron/core/providers/safe-messages';
import { serveLoopback, type LoopbackServer } from './loopback';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Answers every request with `status` and a message quoting every header it received, padded to be long. */
async function echoingProvider(status: number): Promise<LoopbackServer> {
  const server = await serveLoopback((request, response) => {
    const echoed = `rejected credentials ${JSON.stringify(request.headers)} body ${request.body} ${'x'.repeat(2000)}`;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ success: false, message: echoed, error: echoed, errorMessage: echoed, description: echoed }));
  });
  servers.push(server);
  return server;
}

const SALE = { idempotencyKey: 'echo-k', reference: 'echo-r', phone: '5512345678', country: 'MX', amount: { minor: 5000, currency: 'MXN' } };

describe('provider messages are redacted and capped', () => {
  it.each([400, 401, 403, 500])('every adapter: a %i quoting our credentials returns none of them', async (status) => {
    const provider = await echoingProvider(status);
    const secrets = { relierKey: 'rk-echo-9f8e7d6c5b', customer: 'cust-echo-41a2b3', mobisendKey: 'mk-echo-0a1b2c3d4e', liquidoKey: 'lk-echo-5f6e7d8c', liquidoToken: 'lt-echo-token-77aa88bb' };
    const adapters = createProviderAdapters({
      relier: { baseUrl: provider.url, apiKey: secrets.relierKey, customerId: secrets.customer },
      mobisend: { baseUrl: provider.url, apiKey: secrets.mobisendKey },
      liquido: { baseUrl: provider.url, apiKey: secrets.liquidoKey, accessToken: secrets.liquidoToken },
    });
    const results = [
      await adapters.relier!.topup(SALE),
      await adapters.mobisend!.topup({ ...SALE, sku: 'TAE050' }),
      await adapters.liquido!.topup({ ...SALE, sku: 'TAE050' }),
      await adapters.relier!.balance(),
      await adapters.mobisend!.balance(),
    ];
    expect(provider.requests.length).toBeGreaterThanOrEqual(5);
    for (const result of results) {
      expect(result.ok).toBe(false);
      const text = JSON.stringify(result);
      for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
      if (!result.ok) expect(result.error.message.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    }
  });

  it('strips control and bidi characters a provider sends in its message', async () => {
    const server = await serveLoopback((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ success: false, message: 'bad\u0000 number \u202eevil\u202c <b>x</b>', error: 'bad\u0000 number \u202eevil', errorMessage: 'bad\u0000 \u202e' }));
    });
    servers.push(server);
    const adapters = createProviderAdapters({ relier: { baseUrl: server.url, apiKey: 'rk-ctrl-12345', customerId: 'cust-ctrl-12345' } });
    const result = await adapters.relier!.topup(SALE);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    for (const character of ['\u0000', '\u202e', '\u202c']) expect(message).not.toContain(character);
  });
});

describe('the logger redacts by itself', () => {
  it('removes configured secrets and token-shaped values from every field, however deep', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saldo-log-'));
    const file = join(dir, 'logs', 'saldo.log');
    const configured = 'configured-secret-5150';
    registerSecrets([configured]);
    const logger = createLogger({ file });
    logger.warn('provider.said', { message: `key ${configured} was wrong`, nested: { list: [`x-${configured}-y`] } });
    logger.error('request', { header: 'Authorization: Bearer abc.DEF-123_xyz', url: 'https://x.example/?api_key=zz9988776655&ok=1', jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcDEF123', error: new Error(`failed with ${configured}`) });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(configured);
    expect(text).not.toContain('abc.DEF-123_xyz');
    expect(text).not.toContain('zz9988776655');
    expect(text).not.toContain('eyJzdWIiOiIxMjM0NTY3ODkwIn0');
    expect(text).toContain('ok=1');
    logger.info('fields', { apiKey: 'unregistered-key-1357', customer_id: 'unregistered-customer-2468', provider: 'relier' });
    const fieldsLine = readFileSync(file, 'utf8');
    expect(fieldsLine).not.toContain('unregistered-key-1357');
    expect(fieldsLine).not.toContain('unregistered-customer-2468');
    expect(fieldsLine).toContain('"provider":"relier"');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('an adapter that throws', () => {
  it('throws on with its message redacted', async () => {
    registerSecrets(['thrown-secret-8642']);
    const adapter = withSafeMessages({ topup: () => Promise.reject(new TypeError('socket said thrown-secret-8642')) });
    await expect(adapter.topup()).rejects.toThrow(/^socket said \[redacted\]$/);
    await expect(adapter.topup()).rejects.toBeInstanceOf(Error);
  });
});
