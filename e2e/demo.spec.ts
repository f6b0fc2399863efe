import path from 'node:path';
import { expect, test } from './fixtures';

// `npm run docs:screenshot` writes the README's picture; a test run keeps its own copy aside,
// so no run changes a tracked file.
const screenshotPath = process.env.DEMO_SCREENSHOT_PATH;

test('the demo storefront, as the README shows it', async ({
  openShop,
  firmly,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openShop();
  await page.getByTestId('add-to-cart').nth(0).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  // A revoked device: the next call gets a 401, a fresh session is started and the call sent
  // again, and the timeline says so (the new device starts with an empty cart, as Firmly's does).
  const session = await page.evaluate(() => window.swTokenInterceptor?.session());
  firmly.revokeDevice(session?.deviceId ?? '');
  await page.getByTestId('add-to-cart').nth(2).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('add-to-cart').nth(4).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  // At least one: the shop's own cart refresh may race the renewal and be retried as well.
  await expect(
    page.locator('[data-testid="timeline-entry"][data-kind="retried"]').first(),
  ).toBeVisible();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="worker"]')).toHaveCount(1);
  expect(firmly.counters.unauthorized).toBeGreaterThanOrEqual(1);
  await page.screenshot({
    path: screenshotPath ? path.resolve(screenshotPath) : testInfo.outputPath('demo.png'),
    fullPage: true,
  });
});

test('two adds whose answers come back in reverse order: the cart shows both lines', async ({
  openShop,
  page,
}) => {
  // The shop's first add reaches the server only after the second was answered, as when a 401
  // retry sends a call again later: the server adds them in the reverse order of sending.
  await page.addInitScript(() => {
    const send = window.fetch;
    let letFirstGo: (() => void) | undefined;
    let adds = 0;
    window.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (init?.method !== 'POST' || !url.endsWith('/cart/line-items')) return send(input, init);
      adds++;
      if (adds === 1) {
        await new Promise<void>((resolve) => {
          letFirstGo = resolve;
        });
        return send(input, init);
      }
      const response = await send(input, init);
      letFirstGo?.();
      return response;
    };
  });
  await openShop();
  await expect(page.getByTestId('cart-count')).toHaveText('0');
  await page.getByTestId('add-to-cart').nth(0).click();
  await page.getByTestId('add-to-cart').nth(1).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('cart-count')).toHaveText('2');
});
