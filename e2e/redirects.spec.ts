import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, CART as FIRMLY_CART, test } from './fixtures';
import { pageFetch } from './pageCalls';
import { startBothShops } from './startBothShops';

const DR_CART = '/v1/shoppers/me/carts/active?format=json';
const TOKEN_HEADERS = ['x-firmly-authorization', 'authorization'];

/** A third origin on loopback that records the headers of every request it receives. */
async function startThirdOrigin() {
  const saw: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    saw.push(request.headers);
    response.writeHead(200, {
      'access-control-allow-origin': '*',
      'content-type': 'application/json',
    });
    response.end('{"at":"third origin"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // `localhost`-free and on another port: another origin than the API and the shop.
    origin: `http://127.0.0.1:${port}`,
    saw,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Makes the API origin redirect `/redirect/{status}/{third|same}`. `context.route()` sees the
 * requests the service worker issues itself.
 */
async function redirectingApi(
  context: BrowserContext,
  apiOrigin: string,
  cart: string,
  third: string,
) {
  await context.route(
    (url) => url.origin === apiOrigin && url.pathname.startsWith('/redirect/'),
    (route) => {
      const request = route.request();
      const cors = {
        'access-control-allow-origin': request.headers().origin ?? '*',
        'access-control-allow-credentials': 'true',
      };
      if (request.method() === 'OPTIONS') {
        return route.fulfill({
          status: 204,
          headers: {
            ...cors,
            'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
            'access-control-allow-headers':
              request.headers()['access-control-request-headers'] ?? '',
          },
        });
      }
      const [, , status, where] = new URL(request.url()).pathname.split('/');
      const location = where === 'third' ? `${third}/landing` : `${apiOrigin}${cart}`;
      return route.fulfill({ status: Number(status), headers: { ...cors, location } });
    },
  );
}

const hosts = [
  { name: 'the worker', serviceWorkers: 'allow' },
  { name: 'the page fallback', serviceWorkers: 'block' },
] as const;

for (const provider of ['firmly', 'digitalriver'] as const) {
  for (const host of hosts) {
    test.describe(`${provider}, through ${host.name}: a redirect from the API`, () => {
      let context: BrowserContext;
      let page: Page;
      let apiOrigin: string;
      let thirdSaw: IncomingHttpHeaders[];
      let close: () => Promise<void>;

      test.beforeEach(async ({ browser, firmly, digitalRiver }) => {
        context = await browser.newContext({ serviceWorkers: host.serviceWorkers });
        apiOrigin = provider === 'firmly' ? firmly.origin : digitalRiver.apiOrigin;
        const cart = provider === 'firmly' ? FIRMLY_CART : DR_CART;
        const third = await startThirdOrigin();
        thirdSaw = third.saw;
        await redirectingApi(context, apiOrigin, cart, third.origin);
        const shop = await startBothShops({ firmly, digitalRiver });
        close = async () => {
          await context.close();
          await Promise.all([shop.close(), third.close()]);
        };
        page = await context.newPage();
        await page.goto(
          `${shop.origin}${provider === 'firmly' ? '/tag-only.html' : '/digitalriver-tag-only.html'}`,
        );
        await page.evaluate(() => window.swTokenInterceptor?.ready);
      });

      test.afterEach(() => close());

      test('a 302 GET to another origin is followed without the token', async () => {
        const result = await pageFetch(page, `${apiOrigin}/redirect/302/third`);
        expect(result).toEqual({ status: 200, body: '{"at":"third origin"}' });
        expect(thirdSaw).toHaveLength(1);
        for (const header of TOKEN_HEADERS) expect(thirdSaw[0]).not.toHaveProperty(header);
      });

      test('a 307 POST to another origin ends in RedirectRefused; the other origin hears nothing', async () => {
        const result = await pageFetch(page, `${apiOrigin}/redirect/307/third`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"quantity":1}',
        });
        expect(result.status).toBe(502);
        expect(JSON.parse(result.body)).toMatchObject({ error: 'RedirectRefused' });
        expect(thirdSaw).toEqual([]);
      });

      test('a redirect that stays on the API origin works, its final hop carrying the token', async () => {
        // The cart answers 401 without a token, so a 200 means the final hop carried it.
        const result = await pageFetch(page, `${apiOrigin}/redirect/302/same`);
        expect(result.status).toBe(200);
        expect(thirdSaw).toEqual([]);
      });
    });
  }
}
