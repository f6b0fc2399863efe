import type { ProviderId } from '../config/WorkerConfig.js';
import type { InterceptorError } from './errors.js';

/**
 * Our own answer to a page's call, for when the call could not be completed as sent. The body
 * carries the coded error twice over: as `error` and `message` (our shape), and in the
 * provider's own error shape, so a storefront's existing error handling reads it too. Firmly's
 * client reads `{code, error, description}` with the HTTP status as `code`; Digital River's
 * reads `errors.error[0].code` and `.description`.
 *
 * @param provider - whose error shape to add
 * @param error - the coded error
 * @param status - the HTTP status to answer with
 * @returns the response; `Retry-After` is passed on when the API asked for a wait
 */
export function codedErrorResponse(
  provider: ProviderId,
  error: InterceptorError,
  status: number,
): Response {
  const { code, message } = error.toInfo();
  const shaped =
    provider === 'firmly'
      ? { code: status, error: code, description: message, message }
      : { error: code, message, errors: { error: [{ code, description: message }] } };
  const headers = new Headers({ 'content-type': 'application/json' });
  const retryAfterMs = error.upstream?.retryAfterMs;
  if (retryAfterMs !== undefined)
    headers.set('retry-after', String(Math.ceil(retryAfterMs / 1000)));
  return new Response(JSON.stringify(shaped), { status, headers });
}
