import { isApiRequest } from '../core/isApiRequest.js';

/**
 * Whether a URL the page's own code fetches (relative ones included) is on one of the API origins. For
 * the page-side wrappers, which see a URL before any `Request` exists.
 *
 * @param url - as the page passed it
 * @param pageUrl - the page's URL, which relative URLs resolve against
 * @param apiOrigins - the configured origins, each canonical
 * @returns whether it is an API call
 */
export function isApiUrl(
  url: string | URL,
  pageUrl: string,
  apiOrigins: readonly string[],
): boolean {
  try {
    return isApiRequest({ url: new URL(url, pageUrl), mode: 'cors' }, apiOrigins);
  } catch {
    return false;
  }
}
