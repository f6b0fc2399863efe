import path from 'node:path';
import { test } from '../fixtures.js';
import { movableClockDist } from '../movableClockDist.js';
import { startBothShops } from '../startBothShops.js';

const testPagesDir = path.resolve(import.meta.dirname, '..', 'pages');
/** The HTTP clients' browser builds (axios, jQuery) come from our own dev dependencies. */
const nodeModulesDir = path.resolve(import.meta.dirname, '..', '..', 'node_modules');

/**
 * The test of every cross-browser lane: the emulators, and a storefront serving both shops and
 * the test pages (with the HTTP clients they load), from a build whose clock the scenarios can
 * move (at rest, the real one).
 */
export const crossBrowserTest = test.extend<{ shopOrigin: string }>({
  shopOrigin: async ({ firmly, digitalRiver }, use) => {
    const shop = await startBothShops(
      { firmly, digitalRiver },
      {
        distDir: movableClockDist(),
        extraStaticDirs: [testPagesDir, nodeModulesDir],
      },
    );
    await use(shop.origin);
    await shop.close();
  },
});
