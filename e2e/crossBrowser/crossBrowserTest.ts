import path from 'node:path';
import { startStorefront } from '../../demo/storefrontServer.js';
import { APP_ID, test } from '../fixtures.js';
import { movableClockDist } from '../movableClockDist.js';

const testPagesDir = path.resolve(import.meta.dirname, '..', 'pages');

/**
 * The test of every cross-browser lane: the emulators, and a storefront serving both shops and
 * the test pages, from a build whose clock the scenarios can move (at rest, the real one).
 */
export const crossBrowserTest = test.extend<{ shopOrigin: string }>({
  shopOrigin: async ({ firmly, digitalRiver }, use) => {
    const shop = await startStorefront({
      apiOrigin: firmly.origin,
      appId: APP_ID,
      distDir: movableClockDist(),
      extraStaticDirs: [testPagesDir],
      digitalRiver: {
        siteId: 'demoSite',
        // The emulator's key: it identifies the client on oauth20/token, as production requires.
        apiKey: 'demo-public-key',
        storeOrigin: digitalRiver.storeOrigin,
        apiOrigin: digitalRiver.apiOrigin,
      },
    });
    await use(shop.origin);
    await shop.close();
  },
});
