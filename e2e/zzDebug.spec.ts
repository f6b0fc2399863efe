import { test } from './fixtures';

test('debug', async ({ openSession, firmly }) => {
  const page = await openSession();
  const r = await page.evaluate(async (url) => {
    try {
      const res = await fetch(url, { method: 'POST', body: '{}', keepalive: true });
      return res.status;
    } catch (e) {
      return String((e as Error).message);
    }
  }, `${firmly.origin}/api/v2/echo?x=1`);
  console.log('result', r, firmly.requestLog.length);
});
