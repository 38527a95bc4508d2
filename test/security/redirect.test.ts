/**
 * A provider (or whoever sits in its place) answering 307 to another origin must not receive our credentials
 * there: the transport never follows a redirect. Two loopback servers on different ports are two origins.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createProviderAdapters } from '../../electron/core/providers/registry';
import { serveLoopback, type LoopbackServer } from './loopback';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function redirectingTo(target: LoopbackServer, status = 307): Promise<LoopbackServer> {
  const redirector = await serveLoopback((request, response) => {
    response.writeHead(status, { location: `${target.url}${request.url}` });
    response.end();
  });
  servers.push(redirector);
  return redirector;
}

async function elsewhere(): Promise<LoopbackServer> {
  const server = await serveLoopback((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"current_balance": 1000, "credit_limit": 0}');
  });
  servers.push(server);
  return server;
}

describe('redirects never carry credentials', () => {
  it.each([301, 302, 303, 307, 308])('Relier: a %i to another origin sends nothing there and is not a success', async (status) => {
    const other = await elsewhere();
    const redirector = await redirectingTo(other, status);
    const adapters = createProviderAdapters({ relier: { baseUrl: redirector.url, apiKey: 'relier-key-redirect-1', customerId: 'customer-redirect-1' } });
    const balance = await adapters.relier!.balance();
    const topup = await adapters.relier!.topup({ idempotencyKey: 'k1', reference: 'r1', phone: '5512345678', country: 'MX', amount: { minor: 5000, currency: 'MXN' } });
    expect(balance.ok).toBe(false);
    expect(topup.ok).toBe(false);
    expect(redirector.requests.length).toBeGreaterThan(0);
    expect(redirector.requests[0]?.headers['x-api-key']).toBe('relier-key-redirect-1');
    expect(other.requests).toEqual([]);
  });

  it('MobiSend and Liquido: a 307 to another origin reaches nobody else', async () => {
    const other = await elsewhere();
    const redirector = await redirectingTo(other);
    const adapters = createProviderAdapters({
      mobisend: { baseUrl: redirector.url, apiKey: 'mobisend-key-redirect-1' },
      liquido: { baseUrl: redirector.url, apiKey: 'liquido-key-redirect-1', accessToken: 'liquido-token-redirect-1' },
    });
    const sale = { idempotencyKey: 'k2', reference: 'r2', phone: '5512345678', country: 'MX', amount: { minor: 5000, currency: 'MXN' }, sku: 'TAE050' };
    expect((await adapters.mobisend!.topup(sale)).ok).toBe(false);
    expect((await adapters.liquido!.topup(sale)).ok).toBe(false);
    expect(redirector.requests.length).toBeGreaterThanOrEqual(2);
    expect(other.requests).toEqual([]);
  });
});
