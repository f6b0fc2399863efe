import { CART, expect, pageEvents, test } from './fixtures';
import { movableClockDist } from './movableClockDist';
import { pageFetch } from './pageCalls';
import { passTime } from './passTime';

test('with debug logging on, no token reaches the console, events, URLs, CacheStorage or session()', async ({
  openShop,
  firmly,
  context,
}) => {
  // Every token the API hands out, read on its way to the worker.
  const tokens: string[] = [];
  await context.route(`${firmly.origin}/api/v1/browser-session`, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const token = (JSON.parse(body) as { access_token?: string }).access_token;
    if (token) tokens.push(token);
    await route.fulfill({ response, body });
  });
  // Everything logged by the page and by the worker alike.
  const lines: string[] = [];
  context.on('console', (message) => lines.push(message.text()));
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));

  const { page } = await openShop({
    path: '/tag-only.html',
    attributes: { 'data-debug': '' },
    distDir: movableClockDist(),
  });
  // Acquire.
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  // Renew before expiry: 56 minutes on, the one-hour token is inside the five-minute margin.
  await passTime(page, 56 * 60_000, firmly);
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  // A 401 and its one retry.
  const info = await page.evaluate(() => window.swTokenInterceptor?.session());
  firmly.revokeDevice(info?.deviceId ?? '');
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  expect(firmly.counters).toMatchObject({ renewals: 1, unauthorized: 1 });

  expect(tokens.length).toBeGreaterThanOrEqual(3);
  // Debug mode did log its decisions, in the page and in the worker.
  await expect.poll(() => lines.join('\n')).toContain('debug: token acquired on a new device');
  expect(lines.join('\n')).toContain('debug: renewing: the token is inside the renewal margin');
  expect(lines.join('\n')).toContain('401, renewing once and retrying once');
  expect(lines.join('\n')).toContain('debug: worker in control');

  const session = JSON.stringify(await page.evaluate(() => window.swTokenInterceptor?.session()));
  const events = JSON.stringify(
    await page.evaluate(() => (window as unknown as { __events: unknown }).__events),
  );
  const cached = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        out.push(request.url, await ((await cache.match(request))?.text() ?? ''));
      }
    }
    return out.join('\n');
  });
  const everything = [lines.join('\n'), urls.join('\n'), session, events, cached].join('\n');
  for (const token of tokens) {
    expect(everything).not.toContain(token);
    // Nor any recognisable piece of it (its signature).
    expect(everything).not.toContain(token.split('.')[2] ?? token);
  }
  expect(await pageEvents(page, 'error')).toEqual([]);
});

test('a page message asking to change the configuration, or to send a call elsewhere, is refused with a coded error', async ({
  openShop,
  firmly,
  unlistedApi: evil,
}) => {
  const { page } = await openShop({ path: '/tag-only.html' });
  await page.evaluate(() => window.swTokenInterceptor?.session());
  const replies = await page.evaluate(
    (evilOrigin) =>
      Promise.all(
        [
          { type: 'configure', apiOrigin: evilOrigin },
          { type: 'addOrigin', origin: evilOrigin },
          { type: 'setProvider', provider: 'digitalriver' },
          // The keepalive hand-off, aimed at another origin.
          {
            type: 'handOff',
            committed: true,
            call: {
              url: `${evilOrigin}/api/v2/echo`,
              method: 'POST',
              headers: [],
              body: 'x',
              credentials: 'include',
              redirect: 'follow',
            },
          },
        ].map(
          (request) =>
            new Promise((resolve) => {
              const channel = new MessageChannel();
              // The answer, past the steps of a hand-off's exchange.
              channel.port1.onmessage = (event) => {
                if ('ok' in event.data) resolve(event.data);
              };
              navigator.serviceWorker.controller?.postMessage(
                { tag: 'sw-token-interceptor', ...request },
                [channel.port2],
              );
            }),
        ),
      ),
    evil.origin,
  );
  for (const reply of replies) {
    expect(reply).toMatchObject({ ok: false, error: { code: 'ProtocolError' } });
  }
  // The token still goes to the configured origin only.
  await pageFetch(page, `${evil.origin}/api/v2/echo`, { method: 'POST', body: 'x' });
  expect(evil.requestLog.map((entry) => entry.hasAuth)).toEqual([false]);
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
});

test('a no-cors request and a navigation to the API origin pass through untouched', async ({
  openShop,
  firmly,
  page,
}) => {
  await openShop({ path: '/tag-only.html', attributes: { 'data-debug': 'true' } });
  const lines: string[] = [];
  page.context().on('console', (message) => lines.push(message.text()));
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  await page.evaluate(
    (url) => fetch(url, { mode: 'no-cors' }).then(() => undefined),
    `${firmly.origin}/api/v2/carts/active-domains`,
  );
  expect(firmly.requestLog.at(-1)).toMatchObject({ hasAuth: false });
  await expect.poll(() => lines.join('\n')).toContain('not matched, passed through (no-cors');
  await page.goto(`${firmly.origin}/api/v2/carts/active-domains`);
  expect(firmly.requestLog.at(-1)).toMatchObject({ method: 'GET', hasAuth: false });
});
