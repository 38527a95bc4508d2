/** Helpers for the issue 14 screens (bill payments, international top-ups): the owner's pricing, the letter keyboard. */
import type { Page } from '@playwright/test';
import { expect, invokeInPage, pressDigits, signIn } from './counter-fixture';

/** The owner sets one rate for all (18.50 pesos per dollar, 5 % markup), then the demo cashier signs in. */
export async function priceDollarsAsOwner(page: Page): Promise<void> {
  await signIn(page, '4321');
  await invokeInPage(page, 'pricing.set', { default: { rate: '18.50', markupPercent: '5' }, byCountry: [] });
  await page.getByRole('button', { name: /^(Cambiar cajero|Switch cashier)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Entrar|Sign in)$/ })).toBeVisible();
  await signIn(page, '1234');
}

/** Types on the on-screen letter keyboard, as a finger would. */
export async function typeLetters(page: Page, text: string): Promise<void> {
  const keyboard = page.getByRole('group', { name: /^(Teclado de letras|Letter keyboard)$/ });
  for (const letter of text.toUpperCase()) {
    if (letter === ' ') await keyboard.getByRole('button', { name: /^(Espacio|Space)$/ }).click();
    else await keyboard.getByRole('button', { name: letter, exact: true }).click();
  }
}

export { pressDigits };
