import type { DigitalRiverRequestLogEntry } from '../../testing/emulator/digitalRiver/DigitalRiverRequestLogEntry';
import { startDigitalRiverEmulator } from '../../testing/emulator/digitalRiver/digitalRiverEmulator';
import { startFirmlyEmulator } from '../../testing/emulator/firmly/firmlyEmulator';
import type { RequestLogEntry } from '../../testing/emulator/firmly/RequestLogEntry';
import type { SoakApi } from './SoakApi';

/** The Digital River site and key the shops and the control use. */
export const DR_SITE = 'demoSite';
export const DR_API_KEY = 'demo-public-key';
const CART = '/api/v2/domains/staging.luma.gift/cart';

/** Counts each POST body's `soakId` among the entries a poll took from a log. */
function countArrivals(
  entries: readonly (RequestLogEntry | DigitalRiverRequestLogEntry)[],
  arrivals: Map<string, number>,
): void {
  for (const entry of entries) {
    if (entry.method !== 'POST') continue;
    const id = /"soakId":"([^"]+)"/.exec(entry.body)?.[1];
    if (id) arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
  }
}

/** Both providers' emulators for one setup, and what a storefront needs to reach them. */
export interface SoakApis {
  firmly: SoakApi;
  digitalRiver: SoakApi;
  /** Where the Digital River shop's tag points. */
  digitalRiverOrigins: { storeOrigin: string; apiOrigin: string };
  /** Where the Firmly shop's tag points. */
  firmlyOrigin: string;
  close(): Promise<void>;
}

/**
 * Starts a Firmly and a Digital River emulator with their test controls.
 *
 * @param lifetimeSeconds - the lifetime of every token they issue
 * @returns the two, as the soak reads and steers them
 */
export async function startSoakApis(lifetimeSeconds: number): Promise<SoakApis> {
  const firmly = await startFirmlyEmulator({
    testControls: true,
    tokenLifetimeSeconds: lifetimeSeconds,
  });
  const dr = await startDigitalRiverEmulator({
    testControls: true,
    accessTokenLifetimeSeconds: lifetimeSeconds,
  });
  // Digital River logs its token endpoint, and counts only what a fault let through.
  let drTokenRequests = 0;
  return {
    firmlyOrigin: firmly.origin,
    digitalRiverOrigins: { storeOrigin: dr.storeOrigin, apiOrigin: dr.apiOrigin },
    firmly: {
      provider: 'firmly',
      label: 'Firmly',
      getUrl: `${firmly.origin}${CART}`,
      postUrl: `${firmly.origin}/api/v2/echo`,
      poll: (arrivals) => countArrivals(firmly.requestLog.splice(0), arrivals),
      tokenRequests: () => firmly.counters.browserSession,
      grants: () => firmly.counters.renewals + firmly.counters.devicesCreated,
      devices: () => firmly.counters.devicesCreated,
      unauthorized: () => firmly.counters.unauthorized,
      injectFault: (fault) =>
        firmly.injectFault({ endpoint: 'browser-session', times: 1, ...fault }),
      reset: () => firmly.reset(),
    },
    digitalRiver: {
      provider: 'digitalriver',
      label: 'Digital River',
      getUrl: `${dr.apiOrigin}/v1/shoppers/me/carts/active`,
      postUrl: `${dr.apiOrigin}/v1/shoppers/me/echo`,
      poll(arrivals) {
        const entries = dr.requestLog.splice(0);
        drTokenRequests += entries.filter(
          (entry) => entry.origin === 'api' && entry.path.startsWith('/oauth20/token'),
        ).length;
        countArrivals(entries, arrivals);
      },
      tokenRequests: () => drTokenRequests,
      grants: () => dr.counters.passwordGrants + dr.counters.refreshGrants,
      devices: () => dr.counters.passwordGrants,
      unauthorized: () => dr.counters.unauthorized,
      injectFault: (fault) => dr.injectFault({ endpoint: 'token', times: 1, ...fault }),
      reset() {
        dr.reset();
        drTokenRequests = 0;
      },
    },
    close: async () => {
      await firmly.close();
      await dr.close();
    },
  };
}

/**
 * Mints a token for each provider from Node, as a storefront without us would hold one: the
 * control's pages attach it themselves.
 *
 * @param apis - the control's emulators, whose tokens live long enough for the whole run
 * @param shopOrigin - the origin the token endpoint sees the request from
 * @returns the headers each provider's calls carry
 */
export async function mintControlHeaders(
  apis: SoakApis,
  shopOrigin: string,
): Promise<Record<'firmly' | 'digitalriver', Record<string, string>>> {
  const firmly = (await (
    await fetch(`${apis.firmlyOrigin}/api/v1/browser-session`, {
      method: 'POST',
      headers: { 'x-firmly-app-id': 'demo-app', origin: shopOrigin },
    })
  ).json()) as { access_token: string };
  const { storeOrigin, apiOrigin } = apis.digitalRiverOrigins;
  const session = (await (
    await fetch(`${storeOrigin}/store/${DR_SITE}/SessionToken?format=json`)
  ).json()) as { session_token: string };
  const dr = (await (
    await fetch(`${apiOrigin}/oauth20/token`, {
      method: 'POST',
      headers: {
        origin: shopOrigin,
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${DR_API_KEY}:`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'password',
        dr_session_token: session.session_token,
        format: 'json',
      }).toString(),
    })
  ).json()) as { token: { access_token: string } };
  return {
    firmly: { 'x-firmly-authorization': firmly.access_token },
    digitalriver: { authorization: `Bearer ${dr.token.access_token}` },
  };
}
