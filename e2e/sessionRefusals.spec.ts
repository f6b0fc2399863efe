import { expect, pageEvents, test } from './fixtures';
import { pageFetch } from './pageCalls';

const DOMAIN = 'staging.luma.gift';
const CART = `/api/v1/domains/${DOMAIN}/cart`;
const VALIDATE_OTP = `/api/v1/domains/${DOMAIN}/session/validate-otp`;

test('a wrong OTP reaches the page as the API said it, submitted once, and the session is kept', async ({
  openShop,
  firmly,
}) => {
  const { page } = await openShop({ path: '/tag-only.html' });
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  firmly.reset();

  const result = await pageFetch(page, `${firmly.origin}${VALIDATE_OTP}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"otp":"000000"}',
  });

  expect(result.status).toBe(401);
  expect(JSON.parse(result.body)).toMatchObject({ code: 401, error: 'InvalidOtp' });
  expect(firmly.requestLog.filter((entry) => entry.path === VALIDATE_OTP)).toHaveLength(1);
  expect(firmly.counters.browserSession).toBe(0);
  // The worker tells the page of each call after answering it.
  await expect
    .poll(() => pageEvents(page, 'intercept'))
    .toContainEqual(expect.objectContaining({ method: 'POST', status: 401, retried: false }));
});
