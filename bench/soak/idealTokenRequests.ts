/** What one provider's traffic in one round of the soak asked of its token endpoint. */
export interface TokenTraffic {
  /** Browser profiles the round's tabs ran in: each is one device, with one session. */
  devices: number;
  /** Seconds from the round's first call to its last. */
  activeSeconds: number;
  /** The lifetime of every token the API issued. */
  lifetimeSeconds: number;
  /** Token requests the API answered with an injected fault: each one costs one more request. */
  faultedRequests: number;
}

// The worker renews a token once three quarters of its life have passed: the renewal margin is
// never more than a quarter of the token's life (core/session/renewalPolicy.ts).
const SHARE_OF_LIFE_USED = 0.75;

/**
 * The fewest token requests a device can make for a round's traffic: the first token, one renewal
 * each time three quarters of a token's life have passed while calls keep coming, and one more for
 * every request a fault answered. Worker restarts and tabs cost nothing: the token is read from
 * storage, and one tab's request serves them all.
 *
 * @param traffic - the round's devices, length, token lifetime and faulted token requests
 * @returns devices × (1 + ⌊activeSeconds / (0.75 × lifetimeSeconds)⌋) + faultedRequests
 * @example
 * idealTokenRequests({ devices: 1, activeSeconds: 30, lifetimeSeconds: 6, faultedRequests: 2 }); // 9
 */
export function idealTokenRequests(traffic: TokenTraffic): number {
  const renewEvery = SHARE_OF_LIFE_USED * traffic.lifetimeSeconds;
  const perDevice = 1 + Math.floor(Math.max(0, traffic.activeSeconds) / renewEvery);
  return traffic.devices * perDevice + traffic.faultedRequests;
}

/** The formula {@link idealTokenRequests} applies, as the soak prints it. */
export const IDEAL_TOKEN_REQUESTS_FORMULA =
  'ideal = D × (1 + ⌊T / (0.75 × L)⌋) + F: D devices (one per browser profile), T seconds from ' +
  'the first call to the last, L the token lifetime (a token is renewed once three quarters of ' +
  'its life have passed), F token requests a fault answered (each forces one retry)';
