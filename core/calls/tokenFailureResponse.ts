import type { ProviderId } from '../config/WorkerConfig.js';
import { codedErrorResponse } from '../errors/codedErrorResponse.js';
import { asInterceptorError } from '../errors/errors.js';

// Configuration the API refused: the page is answered with the API's own words.
const ANSWERED_AS_THE_API = new Set<string>(['InvalidAppId', 'InvalidApiKey']);

/**
 * The answer a page's call gets when no token can be had: never a hang, and never the call
 * sent on silently without its token. Configuration the API refused (an application id) is
 * answered with the API's own answer, so the storefront sees what it would have seen without
 * us; anything else is a 503 with the coded error (see {@link codedErrorResponse}).
 *
 * @param provider - whose error shape the 503 body also takes
 * @param error - why there is no token
 * @returns the response for the page's call
 */
export function tokenFailureResponse(provider: ProviderId, error: unknown): Response {
  const coded = asInterceptorError(error);
  if (coded.upstream && ANSWERED_AS_THE_API.has(coded.code)) {
    return new Response(coded.upstream.body, {
      status: coded.upstream.status,
      headers: { 'content-type': 'application/json' },
    });
  }
  return codedErrorResponse(provider, coded, 503);
}
