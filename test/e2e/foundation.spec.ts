/**
 * The foundation works end to end in a real browser: the app loads with no console errors, the page has no
 * Node or Electron reach, the bridge exposes exactly the contract, a call and a pushed event round-trip,
 * and the host refuses requests without its token.
 */
import { mkdirSync } from 'node:fs';
import { channelNames, eventNames } from '../../shared/contract';
import { expect, test } from './fixtures';
import type {} from '../../renderer/src/bridge/types';

test('the app loads its first screen with no console errors', async ({ page, saldo }) => {
  await saldo.open(page);
  await expect(page.locator('#root')).not.toBeEmpty();
  await page.waitForLoadState('networkidle');
  mkdirSync('artifacts/screenshots', { recursive: true });
  await page.screenshot({ path: 'artifacts/screenshots/first-screen-1366x768.png' });
  expect(saldo.consoleErrors).toEqual([]);
  // The token does not linger in the address bar once the bridge holds it.
  expect(page.url()).not.toContain('token=');
});

test('the page has no Node or Electron reach and the bridge is exactly the contract', async ({ page, saldo }) => {
  await saldo.open(page);
  const probe = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    const bridge = scope.saldo as { invoke: Record<string, unknown>; subscribe: Record<string, unknown> };
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      ipcRenderer: typeof scope.ipcRenderer,
      electron: typeof scope.electron,
      bridgeKeys: Object.keys(bridge).sort(),
      invokeKeys: Object.keys(bridge.invoke).sort(),
      subscribeKeys: Object.keys(bridge.subscribe).sort(),
      frozen: Object.isFrozen(bridge.invoke),
    };
  });
  expect(probe.require).toBe('undefined');
  expect(probe.process).toBe('undefined');
  expect(probe.ipcRenderer).toBe('undefined');
  expect(probe.electron).toBe('undefined');
  expect(probe.bridgeKeys).toEqual(['invoke', 'subscribe']);
  expect(probe.invokeKeys).toEqual([...channelNames].sort());
  expect(probe.subscribeKeys).toEqual([...eventNames].sort());
  expect(probe.frozen).toBe(true);
});

test('a contract call and a pushed event round-trip through the page', async ({ page, saldo }) => {
  await saldo.open(page);
  // Every pushed pong lands here, so the test can see when the event stream is connected.
  await page.evaluate(() => {
    const pongs: string[] = [];
    (window as unknown as { __pongs: string[] }).__pongs = pongs;
    window.saldo!.subscribe['app.pong'](({ echo }) => pongs.push(echo));
  });
  const pongs = () => page.evaluate(() => (window as unknown as { __pongs: string[] }).__pongs);
  // Readiness: ping until a pong comes back, i.e. the event stream is connected (a push before then is lost).
  await expect
    .poll(async () => {
      await page.evaluate(() => window.saldo!.invoke['app.ping']({ echo: 'ready?' }));
      return pongs();
    })
    .toContain('ready?');

  const result = await page.evaluate(async () => {
    const bridge = window.saldo!;
    const info = await bridge.invoke['app.info']({});
    const ping = await bridge.invoke['app.ping']({ echo: 'hola' });
    const bad = await bridge.invoke['app.ping']({ echo: 42 } as never);
    return { info, ping, bad };
  });
  // Signed out, the page learns the app's name, version and mode, nothing about the machine (issue 12).
  expect(result.info).toEqual({ ok: true, value: { name: 'Saldo', version: expect.any(String), mode: 'demo' } });
  expect(result.ping).toMatchObject({ ok: true, value: { echo: 'hola' } });
  expect(result.bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  await expect.poll(pongs).toContain('hola');
});

test('the browser host refuses requests without its token', async ({ request, saldo }) => {
  const page = await request.get(`${saldo.host.url}/`);
  expect(page.status()).toBe(401);
  const withToken = await request.get(saldo.host.appUrl);
  expect(withToken.status()).toBe(200);
  expect(withToken.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(withToken.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const call = await request.post(`${saldo.host.url}/api/invoke/app.info`, { data: {} });
  expect(call.status()).toBe(401);
  const wrong = await request.post(`${saldo.host.url}/api/invoke/app.info`, { data: {}, headers: { authorization: 'Bearer nope' } });
  expect(wrong.status()).toBe(401);
  const right = await request.post(`${saldo.host.url}/api/invoke/app.info`, { data: {}, headers: { authorization: `Bearer ${saldo.host.token}` } });
  expect(await right.json()).toMatchObject({ ok: true, value: { name: 'Saldo' } });
  const unknown = await request.post(`${saldo.host.url}/api/invoke/nope.nothing`, { data: {}, headers: { authorization: `Bearer ${saldo.host.token}` } });
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
});
