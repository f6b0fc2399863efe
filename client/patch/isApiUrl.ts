/**
 * Whether a URL the page's own code fetches (relative ones included) is on one of the API origins:
 * the worker's rule (`core/calls/isApiRequest.ts`) for the page's calls, which are never navigations and
 * whose `no-cors` mode the wrappers check themselves. Origins are compared parsed and whole, so
 * a look-alike host or userinfo never passes. For the page-side wrappers, which see a URL before
 * any `Request` exists; written out here so the drop-in carries no verdicts it never logs.
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
    return apiOrigins.includes(new URL(url, pageUrl).origin);
  } catch {
    return false;
  }
}
