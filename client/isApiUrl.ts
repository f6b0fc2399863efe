import { isApiRequest } from '../core/isApiRequest.js';

/**
 * Whether a URL the page's own code fetches (relative ones included) is on the API origin. For
 * the page-side wrappers, which see a URL before any `Request` exists.
 *
 * @param url - as the page passed it
 * @param pageUrl - the page's URL, which relative URLs resolve against
 * @param apiOrigin - the configured origin
 * @returns whether it is an API call
 */
export function isApiUrl(url: string | URL, pageUrl: string, apiOrigin: string): boolean {
  try {
    return isApiRequest({ url: new URL(url, pageUrl), mode: 'cors' }, apiOrigin);
  } catch {
    return false;
  }
}
