/**
 * The preview tab as a person uses it: reloading brings the app back, a new tab without the token gets a
 * sentence saying how to open it, and the cookie the host sets (which every other local service on
 * 127.0.0.1 also receives) opens the app's files only: it is not the API token and calls nothing.
 */
import { expect, test } from './fixtures';

test('reloading the preview tab brings the app back, never a blank page', async ({ page, saldo }) => {
  await saldo.open(page);
  // The sign-in screen, loaded (not the "Cargando…" of the first paint), is what the person sees before and after.
  // Its content is compared, not the status bar: the line's first check may land on either side of the reload.
  await expect(page.getByText('Ingrese su PIN')).toBeVisible();
  const before = await page.locator('#content').innerText();
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByText('Ingrese su PIN')).toBeVisible();
  await expect.poll(() => page.locator('#content').innerText()).toBe(before);
  // The app answers after the reload: the bridge still reaches the core.
  const info = await page.evaluate(async () => (window as unknown as { saldo: { invoke: Record<string, (input: unknown) => Promise<unknown>> } }).saldo.invoke['app.info']?.({}));
  expect(info).toMatchObject({ ok: true, value: { name: 'Saldo' } });
  expect(saldo.consoleErrors).toEqual([]);
});

test('the cookie carries an assets-only token, HttpOnly, SameSite=Strict, named for the port', async ({ page, saldo, request }) => {
  await saldo.open(page);
  await expect(page.locator('#root')).not.toBeEmpty();
  const cookies = await page.context().cookies(saldo.host.url);
  expect(cookies).toHaveLength(1);
  const [cookie] = cookies;
  expect(cookie?.name).toBe(`saldo_assets_${saldo.host.port}`);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Strict');
  expect(cookie?.value).not.toContain(saldo.host.token);
  const withCookie = { cookie: `${cookie?.name}=${cookie?.value}` };
  // What another local service could do with the cookie: read the public bundle, call nothing.
  expect((await request.post(`${saldo.host.url}/api/invoke/app.info`, { data: {}, headers: withCookie })).status()).toBe(401);
  expect((await request.post(`${saldo.host.url}/api/invoke/app.info`, { data: {}, headers: { authorization: `Bearer ${cookie?.value ?? ''}` } })).status()).toBe(401);
  expect((await request.get(`${saldo.host.url}/api/events`, { headers: withCookie })).status()).toBe(401);
  expect((await request.get(`${saldo.host.url}/api/events?token=${cookie?.value ?? ''}`)).status()).toBe(401);
});

test('a new tab without the token shows how to open Saldo, in Spanish and English', async ({ page, saldo, browser }) => {
  await saldo.open(page);
  await expect(page.locator('#root')).not.toBeEmpty();
  // Same browser, same cookie, but the token never reached this tab.
  const sibling = await page.context().newPage();
  await sibling.goto(saldo.host.url);
  await expect(sibling.locator('body')).toContainText('npm run preview');
  await expect(sibling.locator('body')).toContainText('Abre');
  // Another browser profile (no cookie, or a host restarted since): the host's own sentence page.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const answer = await strangerPage.goto(saldo.host.url);
  expect(answer?.status()).toBe(401);
  await expect(strangerPage.locator('body')).toContainText('npm run preview');
  await expect(strangerPage.locator('body')).toContainText('This tab no longer has access');
  await stranger.close();
});
