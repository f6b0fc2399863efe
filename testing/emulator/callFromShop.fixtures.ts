/**
 * Calls an emulator as the storefront's page does, from its origin, with the provider's auth
 * headers (none without a token). A unit-test helper for both emulators.
 *
 * @param shopOrigin - the storefront's origin, which the call comes from
 * @param url - the full URL
 * @param auth - the provider's auth headers for this call
 * @param init - the rest of the request; its headers win
 * @returns the emulator's answer
 */
export function callFromShop(
  shopOrigin: string,
  url: string,
  auth: Record<string, string>,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(url, {
    ...init,
    headers: { origin: shopOrigin, ...auth, ...init.headers },
  });
}
