/**
 * Who sees which screen: signed out, only the PIN screen and no sections; a cashier and the owner both get
 * the sections Vender and Ventas de hoy; a cashier also Mi turno (their drawer) and Mi PIN, the owner Diagnóstico,
 * Gestión (the back office, test/e2e/backoffice-screens.spec.ts) and Ajustes;
 * switching cashier goes back to the PIN screen.
 */
import { expect, signIn, test } from './counter-fixture';
import type { Page } from '@playwright/test';

async function expectSignInOnly(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Ingrese su PIN' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Secciones' })).toHaveCount(0);
}

for (const person of [
  // The owner's back office (Gestión) and Ajustes (settings, people, providers, own PIN); a cashier their own
  // drawer (Mi turno) and their own PIN.
  { role: 'cashier', pin: '1234', sections: ['Vender', 'Ventas de hoy', 'Mi turno', 'Mi PIN'] },
  { role: 'owner', pin: '4321', sections: ['Vender', 'Ventas de hoy', 'Diagnóstico', 'Gestión', 'Ajustes'] },
]) {
  test(`the ${person.role} gets the selling sections; signed out shows only the PIN screen`, async ({ page, counter }) => {
    await counter.open(page);
    await expectSignInOnly(page);

    await signIn(page, person.pin);
    const sections = page.getByRole('navigation', { name: 'Secciones' });
    await expect(sections.getByRole('button')).toHaveText(person.sections);
    await expect(sections.getByRole('button', { name: 'Vender' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Nueva venta' })).toBeAttached();

    await sections.getByRole('button', { name: 'Ventas de hoy' }).click();
    await expect(page.getByRole('heading', { name: 'Ventas de hoy' })).toBeVisible();
    await expect(sections.getByRole('button', { name: 'Ventas de hoy' })).toHaveAttribute('aria-current', 'page');

    await page.getByRole('button', { name: 'Cambiar cajero' }).click();
    await expectSignInOnly(page);
  });
}
