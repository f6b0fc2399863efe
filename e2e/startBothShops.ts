import {
  type Storefront,
  type StorefrontOptions,
  startStorefront,
} from '../demo/storefrontServer.js';
import { APP_ID, distDir } from './fixtures.js';

/** The emulators a storefront with both shops talks to. */
interface ShopEmulators {
  firmly: { origin: string };
  digitalRiver: { storeOrigin: string; apiOrigin: string };
}

/**
 * Starts the demo storefront with both shops, Firmly's and Digital River's (site `demoSite`),
 * against the test's emulators, serving the built library unless told otherwise. The Digital
 * River shop's tag names the emulator's demo key: it identifies the client on oauth20/token, as
 * production requires (the fixture's emulator takes any key).
 *
 * @param emulators - the test's Firmly and Digital River emulators
 * @param more - another build or more static folders to serve
 */
export function startBothShops(
  { firmly, digitalRiver }: ShopEmulators,
  more: Partial<Pick<StorefrontOptions, 'distDir' | 'extraStaticDirs'>> = {},
): Promise<Storefront> {
  return startStorefront({
    apiOrigin: firmly.origin,
    appId: APP_ID,
    distDir,
    ...more,
    digitalRiver: {
      siteId: 'demoSite',
      apiKey: 'demo-public-key',
      storeOrigin: digitalRiver.storeOrigin,
      apiOrigin: digitalRiver.apiOrigin,
    },
  });
}
