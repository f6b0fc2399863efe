import { afterEach, describe, expect, it } from 'vitest';
import { type DigitalRiverEmulator, startDigitalRiverEmulator } from '../digitalRiverEmulator.js';

const WEB_CHECKOUT = '/v1/shoppers/me/carts/active/web-checkout';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let dr: DigitalRiverEmulator | undefined;

afterEach(async () => {
  await dr?.close();
  dr = undefined;
});

/** A shopper with a token (SessionToken with the API key) and the products added to their cart. */
async function shopperWith(emulator: DigitalRiverEmulator, productIds: string[]): Promise<string> {
  const res = await fetch(
    `${emulator.storeOrigin}/store/demoSite/SessionToken?apiKey=demo-public-key&format=json`,
  );
  const { access_token: token } = (await res.json()) as { access_token: string };
  for (const productId of productIds) {
    const add = await fetch(
      `${emulator.apiOrigin}/v1/shoppers/me/carts/active/line-items?productId=${productId}`,
      { method: 'POST', headers: { authorization: `bearer ${token}` } },
    );
    expect(add.status).toBe(200);
  }
  return token;
}

/** Follows the hand-off as a browser would: the store's redirect, with its cookie, to the page. */
async function followToHostedPage(checkoutAnswer: Response): Promise<Response> {
  expect(checkoutAnswer.status).toBe(302);
  const location = new URL(checkoutAnswer.headers.get('location') ?? '');
  const swap = await fetch(location, { redirect: 'manual' });
  expect(swap.status).toBe(303);
  const cookie = swap.headers.get('set-cookie')?.split(';')[0] ?? '';
  const clean = new URL(swap.headers.get('location') ?? '', location);
  expect(clean.searchParams.has('handoff')).toBe(false);
  return fetch(clean, { headers: { cookie }, redirect: 'manual' });
}

describe('web-checkout and the hosted checkout', () => {
  it('a form POST with the token leads to a hosted page showing that shopper’s cart', async () => {
    dr = await startDigitalRiverEmulator({ testControls: true });
    const token = await shopperWith(dr, ['luma-mug-aurora', 'luma-candle-fig']);
    const checkoutAnswer = await fetch(`${dr.apiOrigin}${WEB_CHECKOUT}`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ token, themeId: '4321', locale: 'en_US' }),
      redirect: 'manual',
    });
    expect(checkoutAnswer.headers.get('location')).toMatch(
      new RegExp(`^${dr.storeOrigin}/store/demoSite/checkout\\?handoff=`),
    );
    const page = await followToHostedPage(checkoutAnswer);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Aurora Ceramic Mug');
    expect(html).toContain('Fig &amp; Cedar Candle');
    expect(html).toContain('$50.00');
    expect(html).not.toContain(token);
    expect(dr.hostedCheckouts).toEqual([
      {
        siteId: 'demoSite',
        themeId: '4321',
        locale: 'en_US',
        lineItems: [
          {
            productId: 'luma-mug-aurora',
            name: 'Aurora Ceramic Mug',
            quantity: 1,
            linePrice: '$22.00',
          },
          {
            productId: 'luma-candle-fig',
            name: 'Fig & Cedar Candle',
            quantity: 1,
            linePrice: '$28.00',
          },
        ],
        totalItems: 2,
        orderTotal: '$50.00',
        referer: null,
      },
    ]);
    // The request log keeps the hand-off, not the token.
    const logged = dr.requestLog.find((entry) => entry.path === WEB_CHECKOUT);
    expect(logged?.body).toContain('token=[redacted]');
    expect(JSON.stringify(dr.requestLog)).not.toContain(token);
  });

  it('takes the token in the query (the cart widget) and in the bearer header (a server)', async () => {
    dr = await startDigitalRiverEmulator({ testControls: true });
    const token = await shopperWith(dr, ['luma-socks-merino']);
    const byQuery = await fetch(`${dr.apiOrigin}${WEB_CHECKOUT}?token=${token}`, {
      redirect: 'manual',
    });
    await followToHostedPage(byQuery);
    const byHeader = await fetch(`${dr.apiOrigin}${WEB_CHECKOUT}`, {
      headers: { authorization: `bearer ${token}` },
      redirect: 'manual',
    });
    await followToHostedPage(byHeader);
    expect(dr.hostedCheckouts.map((view) => view.totalItems)).toEqual([1, 1]);
  });

  it('refuses a missing or unknown token with 401 invalid_token', async () => {
    dr = await startDigitalRiverEmulator({ testControls: true });
    for (const body of ['', 'token=0123']) {
      const res = await fetch(`${dr.apiOrigin}${WEB_CHECKOUT}`, {
        method: 'POST',
        headers: FORM,
        body,
        redirect: 'manual',
      });
      expect(res.status).toBe(401);
      expect(JSON.stringify(await res.json())).toContain('invalid_token');
    }
  });

  it('a hand-off link works once: used again, or without the checkout cookie, it shows no cart', async () => {
    dr = await startDigitalRiverEmulator({ testControls: true });
    const token = await shopperWith(dr, ['luma-mug-aurora']);
    const checkoutAnswer = await fetch(`${dr.apiOrigin}${WEB_CHECKOUT}?token=${token}`, {
      redirect: 'manual',
    });
    const location = checkoutAnswer.headers.get('location') ?? '';
    expect((await fetch(location, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(location, { redirect: 'manual' })).status).toBe(403);
    const bare = await fetch(`${dr.storeOrigin}/store/demoSite/checkout`, { redirect: 'manual' });
    expect(bare.status).toBe(403);
    expect(dr.hostedCheckouts).toEqual([]);
  });

  it('reset() empties what the hosted page showed', async () => {
    dr = await startDigitalRiverEmulator({ testControls: true });
    const token = await shopperWith(dr, ['luma-mug-aurora']);
    await followToHostedPage(
      await fetch(`${dr.apiOrigin}${WEB_CHECKOUT}?token=${token}`, { redirect: 'manual' }),
    );
    expect(dr.hostedCheckouts).toMatchObject([{ totalItems: 1, orderTotal: '$22.00' }]);
    dr.reset();
    expect(dr.hostedCheckouts).toEqual([]);
  });
});
