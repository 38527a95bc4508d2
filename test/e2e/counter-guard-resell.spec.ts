/**
 * Nothing re-sells by accident (issue 15, defect 2), in Spanish and in English: a sale to a number that is still
 * unresolved blocks a new one until an owner types their PIN; the same number and amount within the window asks
 * "¿Otra recarga igual?" with the earlier sale's time and state; recent numbers show their last sale's state.
 */
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { Sale } from '../../shared/contract/sales';
import { expect, invokeInPage, pressDigits, result, signIn, test, type CounterFixture } from './counter-fixture';
import { captureGuard, missingKeys } from './counter-guard-shots';

interface Words {
  language: 'es' | 'en';
  switchTo: string | null;
  keypad: string;
  next: string;
  topups: string;
  send: RegExp;
  nextSale: string;
  /** The offline queue retries in the background: a queued sale may be caught being sent. */
  lastQueued: RegExp;
  lastDelivered: string;
  repeatNumber: RegExp;
  blockedTitle: string;
  blockedEarlier: RegExp;
  doNotSell: string;
  ownerAllows: string;
  ownerKeypad: string;
  allow: string;
  allowedLine: string;
  repeatTitle: string;
  repeatEarlier: RegExp;
  repeatNo: string;
  repeatYes: string;
  repeatLine: string;
  queued: string;
  delivered: string;
}

const SPANISH: Words = {
  language: 'es',
  switchTo: null,
  keypad: 'Teclado numérico',
  next: 'Continuar',
  topups: 'Recargas',
  send: /^Cobrar .* y enviar$/,
  nextSale: 'Siguiente venta',
  lastQueued: /Última venta: (En cola|Enviando)/,
  lastDelivered: 'Última venta: Entregada',
  repeatNumber: /^Repetir 55 1234 5678, Telcel$/,
  blockedTitle: 'Hay una venta a este número sin resolver',
  blockedEarlier: /^Venta de \$50\.00 a las \d{2}:\d{2}: (En cola|Enviando)\.$/,
  doNotSell: 'No vender',
  ownerAllows: 'El dueño la autoriza',
  ownerKeypad: 'Teclado del PIN del dueño',
  allow: 'Autorizar',
  allowedLine: 'Autorizada por el dueño: otra venta a este número.',
  repeatTitle: '¿Otra recarga igual?',
  repeatEarlier: /^Este número recibió \$50\.00 a las \d{2}:\d{2} \(Entregada\)\.$/,
  repeatNo: 'No, volver',
  repeatYes: 'Sí, otra recarga',
  repeatLine: 'Confirmado: es otra recarga igual.',
  queued: 'queued',
  delivered: 'succeeded',
};

const ENGLISH: Words = {
  language: 'en',
  switchTo: 'Cambiar idioma a English',
  keypad: 'Number keypad',
  next: 'Continue',
  topups: 'Top-ups',
  send: /^Charge .* and send$/,
  nextSale: 'Next sale',
  lastQueued: /Last sale: (Queued|Sending)/,
  lastDelivered: 'Last sale: Delivered',
  repeatNumber: /^Repeat 55 1234 5678, Telcel$/,
  blockedTitle: 'A sale to this number is still unresolved',
  blockedEarlier: /^Sale of \$50\.00 at \d{2}:\d{2}: (Queued|Sending)\.$/,
  doNotSell: 'Do not sell',
  ownerAllows: 'The owner allows it',
  ownerKeypad: 'Owner PIN keypad',
  allow: 'Allow',
  allowedLine: 'Allowed by the owner: another sale to this number.',
  repeatTitle: 'Another identical top-up?',
  repeatEarlier: /^This number got \$50\.00 at \d{2}:\d{2} \(Delivered\)\.$/,
  repeatNo: 'No, go back',
  repeatYes: 'Yes, another top-up',
  repeatLine: 'Confirmed: it is another identical top-up.',
  queued: 'queued',
  delivered: 'succeeded',
};

async function start(page: Page, counter: CounterFixture, words: Words): Promise<void> {
  counter.routeTo('relier');
  await counter.open(page);
  if (words.switchTo) await page.getByRole('button', { name: words.switchTo }).click();
  await signIn(page);
}

async function tapAmount(page: Page, words: Words, amount: string): Promise<void> {
  await page.getByRole('group', { name: words.topups }).getByRole('button', { name: amount, exact: true }).click();
}

async function sellOnce(page: Page, words: Words, amount: string, outcome: string): Promise<void> {
  await pressDigits(page, '5512345678', new RegExp(`^${words.keypad}$`));
  await page.getByRole('button', { name: words.next }).click();
  await page.getByRole('button', { name: 'Telcel', exact: true }).click();
  await tapAmount(page, words, amount);
  await page.getByRole('button', { name: words.send }).click();
  await expect(result(page)).toHaveAttribute('data-result', outcome, { timeout: 30_000 });
  await page.getByRole('button', { name: words.nextSale }).click();
}

async function salesCount(page: Page): Promise<number> {
  return (await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true })).sales.length;
}

for (const words of [SPANISH, ENGLISH]) {
  const language = words.language === 'es' ? 'Spanish' : 'English';

  test(`${language}: an unresolved sale blocks a re-sell to the number until the owner types their PIN`, async ({ page, counter }) => {
    await start(page, counter, words);
    await counter.setAllOffline(true);
    await sellOnce(page, words, '$50.00', words.queued);

    const recent = page.getByRole('button', { name: words.repeatNumber });
    await expect(recent).toContainText(words.lastQueued);
    await recent.click();
    await tapAmount(page, words, '$20.00');
    const dialog = page.getByRole('alertdialog', { name: words.blockedTitle });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('resell-earlier')).toHaveText(words.blockedEarlier);
    const violations = await captureGuard(page, '20-guard-unresolved', words.language);
    await dialog.getByRole('button', { name: words.doNotSell }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('confirm-number')).toHaveCount(0);
    expect(await salesCount(page)).toBe(1);

    await tapAmount(page, words, '$20.00');
    await page.getByRole('alertdialog').getByRole('button', { name: words.ownerAllows }).click();
    const ownerKeypad = page.getByRole('group', { name: words.ownerKeypad });
    await pressDigits(page, '4321', new RegExp(`^${words.ownerKeypad}$`));
    await expect(ownerKeypad).toBeVisible();
    violations.push(...(await captureGuard(page, '21-guard-owner-pin', words.language)));
    await page.getByRole('alertdialog').getByRole('button', { name: words.allow }).click();
    await expect(page.getByTestId('confirm-number')).toHaveText('55 1234 5678');
    await expect(page.getByText(words.allowedLine)).toBeVisible();
    await page.getByRole('button', { name: words.send }).click();
    await expect(result(page)).toHaveAttribute('data-result', words.queued, { timeout: 30_000 });
    expect(await salesCount(page)).toBe(2);
    await counter.setAllOffline(false);

    expect(violations).toEqual([]);
    expect(await missingKeys(page)).toEqual([]);
    expect(counter.consoleErrors).toEqual([]);
  });

  test(`${language}: the same number and amount within the window asks "another identical top-up?" first`, async ({ page, counter }) => {
    await start(page, counter, words);
    await sellOnce(page, words, '$50.00', words.delivered);
    const recent = page.getByRole('button', { name: words.repeatNumber });
    await expect(recent).toContainText(words.lastDelivered);

    await recent.click();
    await tapAmount(page, words, '$50.00');
    const dialog = page.getByRole('alertdialog', { name: words.repeatTitle });
    await expect(dialog.getByTestId('resell-earlier')).toHaveText(words.repeatEarlier);
    const violations = await captureGuard(page, '22-guard-repeat', words.language);
    await dialog.getByRole('button', { name: words.repeatNo }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('confirm-number')).toHaveCount(0);

    await tapAmount(page, words, '$50.00');
    await page.getByRole('alertdialog').getByRole('button', { name: words.repeatYes }).click();
    await expect(page.getByTestId('confirm-number')).toHaveText('55 1234 5678');
    await expect(page.getByText(words.repeatLine)).toBeVisible();
    await page.getByRole('button', { name: words.send }).click();
    await expect(result(page)).toHaveAttribute('data-result', words.delivered, { timeout: 30_000 });
    await page.getByRole('button', { name: words.nextSale }).click();
    expect(counter.sandbox('relier').control.records().deliveries).toHaveLength(2);

    // Another amount to the same number is not the same sale: straight to the read-back.
    await page.getByRole('button', { name: words.repeatNumber }).click();
    await tapAmount(page, words, '$20.00');
    await expect(page.getByTestId('confirm-number')).toHaveText('55 1234 5678');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);

    expect(violations).toEqual([]);
    expect(await missingKeys(page)).toEqual([]);
    expect(counter.consoleErrors).toEqual([]);
  });
}

/** Another counter sells to the number meanwhile (from the core's side of the read-back, the same ledger). */
async function sellElsewhere(page: Page, amountMinor: number): Promise<Sale> {
  return invokeInPage<Sale>(page, 'sales.sell', {
    requestId: randomUUID(),
    phone: '5512345678',
    country: 'MX',
    carrier: 'Telcel',
    amount: { minor: amountMinor, currency: 'MXN' },
  });
}

test('when the core itself refuses the sale as an unconfirmed repeat or a re-sell, the counter shows the same dialogs', async ({ page, counter }) => {
  const words = SPANISH;
  await start(page, counter, words);
  // The read-back is reached with nothing sold to the number yet: the check before it lets the sale through.
  await pressDigits(page, '5512345678', new RegExp(`^${words.keypad}$`));
  await page.getByRole('button', { name: words.next }).click();
  await page.getByRole('button', { name: 'Telcel', exact: true }).click();
  await tapAmount(page, words, '$50.00');
  await expect(page.getByTestId('confirm-number')).toHaveText('55 1234 5678');

  // Meanwhile the same top-up is delivered from elsewhere: the core refuses this one until the cashier confirms.
  const delivered = await sellElsewhere(page, 5000);
  await expect.poll(async () => counter.core.sales.ledger.get(delivered.id)?.state, { timeout: 30_000 }).toBe('succeeded');
  await page.getByRole('button', { name: words.send }).click();
  const repeat = page.getByRole('alertdialog', { name: words.repeatTitle });
  await expect(repeat.getByTestId('resell-earlier')).toHaveText(words.repeatEarlier);
  await repeat.getByRole('button', { name: words.repeatYes }).click();
  await expect(page.getByText(words.repeatLine)).toBeVisible();

  // Then, with the line down, another sale to the number is queued elsewhere: still unresolved, it blocks this one.
  await counter.setAllOffline(true);
  await sellElsewhere(page, 2000);
  await page.getByRole('button', { name: words.send }).click();
  const blocked = page.getByRole('alertdialog', { name: words.blockedTitle });
  await expect(blocked.getByTestId('resell-earlier')).toHaveText(/^Venta de \$20\.00 a las \d{2}:\d{2}: (En cola|Enviando)\.$/);
  await blocked.getByRole('button', { name: words.doNotSell }).click();
  await expect(blocked).toHaveCount(0);
  await expect(page.getByTestId('confirm-number')).toHaveCount(0);
  // Only the two sales made elsewhere exist: nothing this counter sent went through.
  expect(await salesCount(page)).toBe(2);
  expect(counter.consoleErrors).toEqual([]);
});
