/**
 * The read-back always stops the cashier (issue 15, defect 1). A double tap on an amount tile, with a mouse or a
 * finger, at the tile's middle or its top edge, at 1024×768 and 1366×768, shows the read-back and sends nothing;
 * the send button is never where the amount step's buttons were. Taps on the armed send button still send once.
 */
import type { Page } from '@playwright/test';
import type { Sale } from '../../shared/contract/sales';
import { confirmButton, expect, invokeInPage, pressDigits, result, signIn, test, type CounterFixture } from './counter-fixture';

test.use({ hasTouch: true });

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type DoubleTap = (page: Page, x: number, y: number) => Promise<void>;

const DOUBLE_TAPS: Array<{ name: string; where: 'middle' | 'top edge'; tap: DoubleTap }> = [
  { name: 'mouse double click', where: 'middle', tap: (page, x, y) => page.mouse.dblclick(x, y) },
  { name: 'mouse double click', where: 'top edge', tap: (page, x, y) => page.mouse.dblclick(x, y) },
  {
    name: 'finger double tap',
    where: 'middle',
    tap: async (page, x, y) => {
      await page.touchscreen.tap(x, y);
      await page.touchscreen.tap(x, y);
    },
  },
  {
    name: 'finger double tap',
    where: 'top edge',
    tap: async (page, x, y) => {
      await page.touchscreen.tap(x, y);
      await page.touchscreen.tap(x, y);
    },
  },
];

/**
 * By default each tile gets one of the four double taps in turn (every kind still runs on several tiles at each
 * size); SALDO_E2E_ALL_TAPS=1 gives every tile all four.
 */
const ALL_TAPS = process.env.SALDO_E2E_ALL_TAPS === '1';

function tapsFor(tileIndex: number): typeof DOUBLE_TAPS {
  return ALL_TAPS ? DOUBLE_TAPS : [DOUBLE_TAPS[tileIndex % DOUBLE_TAPS.length]!];
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every button a cashier can tap on the carrier-and-amount step, where it is on screen. */
async function amountStepTargets(page: Page): Promise<Box[]> {
  const boxes = await page.locator('.sell-product button').evaluateAll((buttons) =>
    buttons.map((button) => {
      const rect = button.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }),
  );
  return boxes.filter((box) => box.width > 0 && box.height > 0);
}

async function salesSent(page: Page, counter: CounterFixture): Promise<number> {
  const { sales } = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
  const deliveries = counter.sandbox('relier').control.records().deliveries.length;
  return sales.length + deliveries;
}

async function toAmounts(page: Page): Promise<void> {
  await pressDigits(page, '5512345678');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.getByRole('button', { name: 'Telcel', exact: true }).click();
}

for (const size of SIZES) {
  test(`a double tap on every amount tile at ${size.width}×${size.height} shows the read-back and sends nothing`, async ({ page, counter }) => {
    test.setTimeout(ALL_TAPS ? 240_000 : 90_000);
    counter.routeTo('relier');
    await page.setViewportSize(size);
    await counter.open(page);
    await signIn(page);
    await toAmounts(page);
    const tiles = page.getByRole('group', { name: 'Recargas' }).getByRole('button');
    const names = await tiles.allInnerTexts();
    expect(names.length).toBeGreaterThan(3);

    for (const [index, name] of names.entries()) {
      for (const { name: how, where, tap } of tapsFor(index + size.width)) {
        const label = `${how} at the ${where} of ${name}`;
        const tile = page.getByRole('group', { name: 'Recargas' }).getByRole('button', { name, exact: true });
        const box = (await tile.boundingBox())!;
        const targets = await amountStepTargets(page);
        const x = box.x + box.width / 2;
        const y = where === 'middle' ? box.y + box.height / 2 : box.y + 2;
        await tap(page, x, y);

        await expect(page.getByTestId('confirm-number'), label).toHaveText('55 1234 5678');
        const send = confirmButton(page);
        await expect(send, label).toHaveText(`Cobrar ${name} y enviar`);
        const sendBox = (await send.boundingBox())!;
        for (const target of targets) expect(overlaps(sendBox, target), `${label}: the send button lies over a button of the amount step`).toBe(false);
        // Past the guard time the read-back is still there, armed, and nothing was sent.
        await expect(send, label).toBeEnabled();
        expect(await salesSent(page, counter), label).toBe(0);
        await page.getByRole('button', { name: /^← Atrás$/ }).click();
        await expect(tiles.first()).toBeVisible();
      }
    }
    expect(counter.consoleErrors).toEqual([]);
  });
}

test('five rapid taps, then Enter five times, on the armed send button send exactly one sale', async ({ page, counter }) => {
  counter.routeTo('relier');
  await page.setViewportSize(SIZES[0]);
  await counter.open(page);
  await signIn(page);
  await toAmounts(page);
  await page.getByRole('group', { name: 'Recargas' }).getByRole('button', { name: '$50.00', exact: true }).click();
  const send = confirmButton(page);
  await expect(send).toBeEnabled();
  const box = (await send.boundingBox())!;
  for (let tap = 0; tap < 5; tap += 1) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  for (let press = 0; press < 5; press += 1) await page.keyboard.press('Enter');
  await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
  expect(counter.sandbox('relier').control.records().deliveries).toHaveLength(1);
  const { sales } = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
  expect(sales).toHaveLength(1);
});

test('Enter pressed twice on the other-amount keypad shows the read-back and sends nothing', async ({ page, counter }) => {
  counter.routeTo('relier');
  await counter.open(page);
  await signIn(page);
  await toAmounts(page);
  await pressDigits(page, '75', /^Otro monto$/);
  // The keyboard's Enter goes to the screen, not to the carrier button tapped last.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-number')).toHaveText('55 1234 5678');
  await expect(confirmButton(page)).toBeEnabled();
  expect(await salesSent(page, counter)).toBe(0);
});
