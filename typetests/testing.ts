// `sw-token-interceptor/emulator` and `/playwright` in a storefront team's Node test suite.
import {
  type CatalogProduct,
  catalog,
  startDigitalRiverEmulator,
  startFirmlyEmulator,
} from 'sw-token-interceptor/emulator';
import { expect, test } from 'sw-token-interceptor/playwright';

const firmly = await startFirmlyEmulator();
firmly.origin satisfies string;
firmly.setTokenLifetime(2);
firmly.counters.browserSession satisfies number;
await firmly.close();

const dr = await startDigitalRiverEmulator();
dr.apiOrigin satisfies string;
dr.expireAccessTokens();
await dr.close();

const first: CatalogProduct | undefined = catalog[0];
first?.id satisfies string | undefined;

test.use({ firmlyAppIds: ['my-app'] });
test('both emulators are fixtures', async ({ page, firmly, digitalRiver }) => {
  firmly.setNow(() => Date.now());
  digitalRiver.setAccessTokenLifetime(60);
  await page.goto('/');
  expect(firmly.requestLog).toEqual([]);
});
