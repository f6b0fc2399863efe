import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/**
 * The shopper adds the first product to the cart in a demo shop, whose own code carries no
 * auth: the line shows in the cart, and the session panel names the device.
 *
 * @param page - the demo shop's page (Firmly's or Digital River's)
 */
export async function addToCartInDemoShop(page: Page): Promise<void> {
  await page.getByTestId('add-to-cart').first().click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('device-id')).not.toHaveText('');
}
