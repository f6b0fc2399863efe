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
export type { HostedCheckoutView } from './emulator/digitalRiver/checkout/hostedCheckoutPage.js';
export type { DigitalRiverCounters } from './emulator/digitalRiver/DigitalRiverCounters.js';
export type { DigitalRiverEmulatorOptions } from './emulator/digitalRiver/DigitalRiverEmulatorOptions.js';
export type { DigitalRiverRequestLogEntry } from './emulator/digitalRiver/DigitalRiverRequestLogEntry.js';
export {
  type DigitalRiverEmulator,
  startDigitalRiverEmulator,
} from './emulator/digitalRiver/digitalRiverEmulator.js';
export type {
  DigitalRiverFault,
  DigitalRiverFaultEndpoint,
} from './emulator/digitalRiver/digitalRiverFaults.js';
export type { Fault, FaultKind } from './emulator/faults/Fault.js';
export type { FirmlyEmulatorCounters } from './emulator/firmly/FirmlyEmulatorCounters.js';
export type { FirmlyEmulatorOptions } from './emulator/firmly/FirmlyEmulatorOptions.js';
export { type FirmlyEmulator, startFirmlyEmulator } from './emulator/firmly/firmlyEmulator.js';
export type { EmulatorFault, FaultEndpoint } from './emulator/firmly/firmlyFaults.js';
export type { RequestLogEntry } from './emulator/firmly/RequestLogEntry.js';
export type { EmulatorRedirect, RedirectStatus } from './emulator/redirects/EmulatorRedirect.js';
