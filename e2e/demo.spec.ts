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
