import { describeUrl } from '../DebugLog.js';
import { type ErrorInfo, InterceptorError } from '../errors/errors.js';

// Headers a browser sends without asking the API's CORS policy (safelisted, or its own).
const NEEDS_NO_PERMISSION = new Set([
  'accept',
  'accept-language',
  'content-language',
  'range',
  'referer',
  'user-agent',
]);
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/**
 * The names (never the values) of the headers of a call that the API's CORS policy must allow,
 * the usual cause of a refused call.
 *
 * @param headers - the page's headers
 * @returns a comma-separated list, or `none`
 */
function headersNeedingPermission(headers: Headers): string {
  const names: string[] = [];
  headers.forEach((value, name) => {
    if (NEEDS_NO_PERMISSION.has(name) || name.startsWith('sec-')) return;
    if (name === 'content-type' && SIMPLE_CONTENT_TYPES.has(value.split(';')[0]?.trim() ?? ''))
      return;
    names.push(name);
  });
  return names.length ? names.join(', ') : 'none';
}

/**
 * What the page is told of a call that failed without an answer (network, CORS): the browser says
 * no more than "failed to fetch", so this names the call and the headers the API's CORS policy
 * must allow, which is what a refusal usually comes down to. It carries neither the token, the
 * query nor any header's value.
 *
 * @param request - the page's call
 * @returns the `ApiUnreachable` error to report
 */
export function diagnoseCorsRefusal(request: Request): ErrorInfo {
  return new InterceptorError(
    'ApiUnreachable',
    `${request.method} ${describeUrl(request.url)}; headers the API must allow: ` +
      headersNeedingPermission(request.headers),
  ).toInfo();
}
