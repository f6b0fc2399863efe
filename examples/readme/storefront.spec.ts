import { expect, test } from 'sw-token-interceptor/playwright';

test('a first-time shopper adds to cart', async ({ page, firmly }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Add to cart' }).first().click();
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  expect(firmly.counters.browserSession).toBe(1);
});

test('a clear message when the token service is down', async ({ page, firmly }) => {
  firmly.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 100 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Add to cart' }).first().click();
  // Your shop's own error UI: the call got a coded 503 TokenUnavailable, not a hang.
  await expect(page.getByRole('alert')).toBeVisible();
});
