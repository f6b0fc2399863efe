import { expect, pageEvents, test } from './fixtures';
import { movableClockDist } from './movableClockDist';
import { pageFetch } from './pageCalls';
import { passTime } from './passTime';
import { refuseEveryToken } from './refuseEveryToken';

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

for (const workers of ['allow', 'block'] as const) {
  test.describe(workers === 'allow' ? 'through the worker' : 'with workers disabled', () => {
    test.use({ serviceWorkers: workers });

    test("an API that refuses every token it is sent: renewals wait, the page gets a coded 503, and 'error' fires once", async ({
      openShop,
      firmly,
      context,
    }) => {
      // A revoked app: browser-session issues tokens, and every cart call refuses them.
      const cartRequests = await refuseEveryToken(context, `${firmly.origin}${CART}`);
      const { page } = await openShop({ path: '/tag-only.html', distDir: movableClockDist() });
      const answers = await page.evaluate(async (url) => {
        const out: { status: number; retryAfter: string | null; error: unknown }[] = [];
        for (let i = 0; i < 50; i++) {
          const response = await fetch(url);
          const body = (await response.json()) as { error?: unknown };
          out.push({
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            error: body.error,
          });
        }
        return out;
      }, `${firmly.origin}${CART}`);
      // The first token and its replacement meet the API; then renewals wait.
      expect(answers.slice(0, 2).map((a) => [a.status, a.error])).toEqual([
        [401, 'InvalidToken'],
        [401, 'InvalidToken'],
      ]);
      for (const answer of answers.slice(2)) {
        expect(answer).toMatchObject({ status: 503, error: 'TokenRefused' });
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
      expect(firmly.counters.browserSession).toBe(2);
      expect(cartRequests.count).toBe(3);
      // Once the wait is over, the next call asks for one token, and the wait after it is longer.
      await passTime(page, 11_000, firmly);
      for (let i = 0; i < 5; i++) await pageFetch(page, `${firmly.origin}${CART}`);
      expect(firmly.counters.browserSession).toBe(3);
      expect(cartRequests.count).toBe(4);
      expect(
        (await pageEvents(page, 'error')).filter(
          (error) => (error as { code: string }).code === 'TokenRefused',
        ),
      ).toHaveLength(1);
    });
  });
}
