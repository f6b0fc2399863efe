import { expect, test } from 'sw-token-interceptor/playwright';

test('the cart survives token expiry', async ({ page, firmly }) => {
  firmly.setTokenLifetime(2);
  await page.goto('/');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('#cart-count')).toHaveText('2');
});

test('a clear message when the token service is down', async ({ page, firmly }) => {
  firmly.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 100 });
  // …
});
