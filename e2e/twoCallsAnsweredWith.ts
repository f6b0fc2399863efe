import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';
import { pageFetch } from './pageCalls.js';

/**
 * Two calls made at once while the API refuses the shop's own credentials (an app id, an API
 * key): each gets an answer, the same coded error, and neither hangs.
 *
 * @param page - the shop's page
 * @param url - the cart URL both calls go to
 * @param status - the status each answer has
 * @param error - the error code each answer names
 */
export async function twoCallsAnsweredWith(
  page: Page,
  url: string,
  status: number,
  error: string,
): Promise<void> {
  const results = await Promise.all([pageFetch(page, url), pageFetch(page, url)]);
  for (const result of results) {
    expect(result.status).toBe(status);
    expect(JSON.parse(result.body)).toMatchObject({ error });
  }
}
