import { expect, test } from 'sw-token-interceptor/playwright';

test('add to cart works for a first-time shopper', async ({ page, firmly }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('#cart-count')).toHaveText('1');
  expect(firmly.counters).toMatchObject({ browserSession: 1, devicesCreated: 1, unauthorized: 0 });
});

test('the cart survives token expiry', async ({ page, firmly }) => {
  await page.goto('/');
  const add = page.getByRole('button', { name: 'Add to cart' });
  await add.click();
  await expect(page.locator('#cart-count')).toHaveText('1');
  // Two hours later, by the API's clock: the one-hour token has expired, with no waiting.
  firmly.setNow(() => Date.now() + 2 * 3600_000);
  await add.click();
  await expect(page.locator('#cart-count')).toHaveText('2');
  // Renewed on the same device, so the cart was kept.
  expect(firmly.counters.renewals).toBeGreaterThanOrEqual(1);
  expect(firmly.counters.devicesCreated).toBe(1);
});

test('the shop shows a clear message when the token service is down', async ({ page, firmly }) => {
  firmly.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 100 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "We couldn't reach your cart. Please try again in a moment.",
  );
  // The call was never sent without a token.
  expect(firmly.counters.cartCalls).toBe(0);
});
