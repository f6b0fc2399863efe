/**
 * `sw-token-interceptor/emulator`: local emulators of the Firmly Cart API and Digital River
 * Global Commerce, for a storefront's own tests. Each starts on an ephemeral loopback port and
 * returns its origin, exposes controls (token lifetime, CORS, injected faults including `429` with
 * `Retry-After`, redirects, revocation), counters and a request log that redacts tokens, and has a
 * `close()`. By default they accept any Firmly application id and answer CORS for a credentialed
 * API: the page's origin and requested headers mirrored, with credentials.
 *
 * @example
 * ```ts
 * import { startFirmlyEmulator } from 'sw-token-interceptor/emulator';
 * const firmly = await startFirmlyEmulator({ testControls: true });
 * firmly.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 3 });
 * // … point the page at firmly.origin, or route the real API origin to it …
 * await firmly.close();
 * ```
 *
 * @packageDocumentation
 */
export { type CatalogProduct, catalog } from './emulator/catalog.js';
export type { EmulatorCors } from './emulator/cors/EmulatorCors.js';
export {
  type DigitalRiverCounters,
  type DigitalRiverEmulator,
  type DigitalRiverEmulatorOptions,
  type DigitalRiverRequestLogEntry,
  startDigitalRiverEmulator,
} from './emulator/digitalRiver/digitalRiverEmulator.js';
export type {
  DigitalRiverFault,
  DigitalRiverFaultEndpoint,
} from './emulator/digitalRiver/digitalRiverFaults.js';
export type { HostedCheckoutView } from './emulator/digitalRiver/hostedCheckoutPage.js';
export type { Fault, FaultKind } from './emulator/faults/Fault.js';
export type { ShopProfile } from './emulator/firmly/cartBook.js';
export {
  type FirmlyEmulator,
  type FirmlyEmulatorCounters,
  type FirmlyEmulatorOptions,
  type RequestLogEntry,
  startFirmlyEmulator,
} from './emulator/firmly/firmlyEmulator.js';
export type { EmulatorFault, FaultEndpoint } from './emulator/firmly/firmlyFaults.js';
export type { SerialisedBackend } from './emulator/firmly/serialisedBackend.js';
export type { EmulatorRedirect, RedirectStatus } from './emulator/redirects/EmulatorRedirect.js';
