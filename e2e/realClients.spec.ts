import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { startStorefront } from '../demo/storefrontServer';
import type { FirmlyEmulator } from '../testing/emulator.js';
import { APP_ID, test as base, distDir, expect, CART as FIRMLY_CART } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The clients' browser builds come from our own dev dependencies. */
const nodeModulesDir = path.resolve(here, '..', 'node_modules');
const testPagesDir = path.resolve(here, 'pages');

const SITE_ID = 'demoSite';
const CLIENTS = ['axios', 'jquery', 'superagent', 'ky', 'xhr'] as const;
type Client = (typeof CLIENTS)[number];
type CallResult = { status: number; body: string };
type EarlyCalls = { controlledWhenMade: boolean; results: ({ client: Client } & CallResult)[] };

const test = base.extend({
  digitalRiverSiteId: [SITE_ID, { scope: 'worker' }],
});

/** What differs between the providers: the tag's attributes and two API paths. */
interface ProviderCase {
  name: 'firmly' | 'digitalriver';
  cart: string;
  echo: string;
}
const PROVIDERS: ProviderCase[] = [
  { name: 'firmly', cart: FIRMLY_CART, echo: '/api/v2/echo' },
  {
    name: 'digitalriver',
    cart: '/v1/shoppers/me/carts/active?format=json',
    echo: '/v1/shoppers/me/echo',
  },
];

/** A Firmly emulator a test can break. */
type FaultyFirmly = { firmly: { injectFault: FirmlyEmulator['injectFault'] } };

/** An emulator's counters, as the stories read them. */
type Counted = { counters: { unauthorized: number } };

type Emulators = {
  firmly: { origin: string; counters: { unauthorized: number } };
  digitalRiver: { apiOrigin: string; storeOrigin: string; counters: { unauthorized: number } };
};

/**
 * Opens the real-clients page (e2e/pages/real-clients.html) in a fresh context, workers allowed
 * or blocked, with the library's tag for one provider. Its clients make a first call to `early`
 * the moment the tag has run.
 */
async function openClientsPage(
  browser: Browser,
  emulators: Emulators,
  provider: ProviderCase,
  workers: 'allow' | 'block',
  early: string,
) {
  const apiOrigin =
    provider.name === 'firmly' ? emulators.firmly.origin : emulators.digitalRiver.apiOrigin;
  const shop = await startStorefront({
    apiOrigin: emulators.firmly.origin,
    appId: APP_ID,
    distDir,
    extraStaticDirs: [testPagesDir, nodeModulesDir],
  });
  const context = await browser.newContext({ serviceWorkers: workers });
  const attributes: Record<string, string> =
    provider.name === 'firmly'
      ? { provider: 'firmly', 'app-id': APP_ID, 'api-origin': apiOrigin }
      : {
          provider: 'digitalriver',
          'site-id': SITE_ID,
          // Any key: the fixture's emulator takes whatever key identifies the client.
          'api-key': 'demo-public-key',
          'store-origin': emulators.digitalRiver.storeOrigin,
          'api-origin': apiOrigin,
        };
  const query = new URLSearchParams({ ...attributes, early: `${apiOrigin}${early}` });
  const page = await context.newPage();
  return {
    apiOrigin,
    context,
    page,
    /** Loads the page; its early calls start as the tag runs. */
    open: () => page.goto(`${shop.origin}/real-clients.html?${query}`),
    close: async () => {
      await context.close();
      await shop.close();
    },
  };
}

/** The real-clients page, as {@link openClientsPage} opens it. */
type ClientsPage = Awaited<ReturnType<typeof openClientsPage>>;

/**
 * Runs one story on the real-clients page: opens it (after `beforeLoad`, for a test that breaks
 * something first), then closes its context and storefront whatever the story did.
 */
async function onClientsPage(
  opening: Parameters<typeof openClientsPage>,
  story: (shop: ClientsPage) => Promise<void>,
  beforeLoad: (shop: ClientsPage) => Promise<void> = async () => undefined,
): Promise<void> {
  const shop = await openClientsPage(...opening);
  try {
    await beforeLoad(shop);
    await shop.open();
    await story(shop);
  } finally {
    await shop.close();
  }
}

function earlyCalls(page: Page): Promise<EarlyCalls> {
  return page.evaluate(() => (window as unknown as { earlyCalls: Promise<EarlyCalls> }).earlyCalls);
}

function callWith(page: Page, client: Client, method: string, url: string, body?: string) {
  return page.evaluate(
    ({ client, method, url, body }) =>
      (
        window as unknown as {
          callWith: Record<string, (m: string, u: string, b?: string) => Promise<CallResult>>;
        }
      ).callWith[client]?.(method, url, body),
    { client, method, url, body },
  );
}

for (const provider of PROVIDERS) {
  for (const [path, workers] of [
    ['the worker', 'allow'],
    ['the fallback (workers blocked)', 'block'],
  ] as const) {
    test.describe(`${provider.name} through ${path}`, () => {
      /** A story on this provider's real-clients page, its early calls going to the cart. */
      const story = (
        name: string,
        run: (
          shop: ClientsPage,
          emulators: { firmly: Counted; digitalRiver: Counted },
        ) => Promise<void>,
      ) =>
        test(name, async ({ browser, firmly, digitalRiver }) => {
          await onClientsPage(
            [browser, { firmly, digitalRiver }, provider, workers, provider.cart],
            (shop) => run(shop, { firmly, digitalRiver }),
          );
        });

      story(
        'axios, jQuery, superagent, ky and a plain XHR, called before ready, all carry the token',
        async (shop, { firmly, digitalRiver }) => {
          const { controlledWhenMade, results } = await earlyCalls(shop.page);
          expect(controlledWhenMade).toBe(false);
          expect(results.map(({ client, status }) => [client, status])).toEqual(
            CLIENTS.map((client) => [client, 200]),
          );
          const emulator = provider.name === 'firmly' ? firmly : digitalRiver;
          expect(emulator.counters.unauthorized).toBe(0);
          expect(
            await shop.page.evaluate(() =>
              window.swTokenInterceptor?.session().then((s) => s.path),
            ),
          ).toBe(workers === 'allow' ? 'worker' : 'page');
        },
      );

      story(
        'each client adds to cart with its body intact',
        async (shop, { firmly, digitalRiver }) => {
          await earlyCalls(shop.page);
          for (const client of CLIENTS) {
            const body = JSON.stringify({ add_to_cart_ref: { variant_id: client }, quantity: 1 });
            const result = await callWith(
              shop.page,
              client,
              'POST',
              `${shop.apiOrigin}${provider.echo}`,
              body,
            );
            expect(result?.status, client).toBe(200);
            expect(JSON.parse(result?.body ?? '{}'), client).toMatchObject({ body });
          }
          const emulator = provider.name === 'firmly' ? firmly : digitalRiver;
          expect(emulator.counters.unauthorized).toBe(0);
        },
      );
    });
  }
}

for (const [path, workers] of [
  ['the worker', 'allow'],
  ['the fallback (workers blocked)', 'block'],
] as const) {
  for (const outage of [
    {
      provider: PROVIDERS[0] as ProviderCase,
      what: 'with the token endpoint down',
      error: 'TokenUnavailable',
      breakIt: async (_: ClientsPage, { firmly }: Emulators & FaultyFirmly) =>
        firmly.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 100 }),
    },
    {
      provider: PROVIDERS[1] as ProviderCase,
      what: 'with SessionToken unreachable',
      error: 'SessionTokenFailed',
      // SessionToken runs in the page, in both paths: its store origin is unreachable.
      breakIt: async (shop: ClientsPage, { digitalRiver }: Emulators) => {
        await shop.context.route(`${digitalRiver.storeOrigin}/**`, (route) => route.abort());
      },
    },
  ]) {
    test(`${outage.provider.name} through ${path}: ${outage.what}, every client's early call settles with the coded 503`, async ({
      browser,
      firmly,
      digitalRiver,
    }) => {
      test.setTimeout(45_000);
      await onClientsPage(
        [browser, { firmly, digitalRiver }, outage.provider, workers, outage.provider.cart],
        async (shop) => {
          const { results } = await earlyCalls(shop.page);
          for (const { client, status, body } of results) {
            expect([client, status]).toEqual([client, 503]);
            expect(JSON.parse(body), client).toMatchObject({ error: outage.error });
          }
        },
        (shop) => outage.breakIt(shop, { firmly, digitalRiver }),
      );
    });
  }
}

test('the fallback: a revoked device, and each XHR client is retried once after the 401, body intact', async ({
  browser,
  firmly,
  digitalRiver,
}) => {
  await onClientsPage(
    [browser, { firmly, digitalRiver }, PROVIDERS[0] as ProviderCase, 'block', FIRMLY_CART],
    async (shop) => {
      await earlyCalls(shop.page);
      for (const client of ['axios', 'jquery', 'superagent', 'xhr'] as const) {
        const session = await shop.page.evaluate(() => window.swTokenInterceptor?.session());
        firmly.revokeDevice(session?.deviceId ?? '');
        const before = firmly.counters.unauthorized;
        const body = JSON.stringify({ quantity: 2, client });
        const result = await callWith(
          shop.page,
          client,
          'POST',
          `${firmly.origin}/api/v2/echo`,
          body,
        );
        expect(result?.status, client).toBe(200);
        expect(JSON.parse(result?.body ?? '{}'), client).toMatchObject({ body });
        expect(firmly.counters.unauthorized - before, client).toBe(1);
      }
    },
  );
});
