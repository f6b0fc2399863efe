/**
 * `sw-token-interceptor/emulator`: local emulators of the Firmly Cart API and Digital River
 * Global Commerce, for a storefront's own tests. Each starts on an ephemeral loopback port and
 * returns its origin, exposes controls (token lifetime, injected faults, revocation), counters
 * and a request log that redacts tokens, and has a `close()`.
 *
 * @example
 * ```ts
 * import { startFirmlyEmulator } from 'sw-token-interceptor/emulator';
 * const firmly = await startFirmlyEmulator({ appIds: 'any', testControls: true });
 * firmly.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 3 });
 * // … point the page at firmly.origin, or route the real API origin to it …
 * await firmly.close();
 * ```
 *
 * @packageDocumentation
 */
export { type CatalogProduct, catalog } from './emulator/catalog.js';
export {
  type DigitalRiverCounters,
  type DigitalRiverEmulator,
  type DigitalRiverEmulatorOptions,
  type DigitalRiverRequestLogEntry,
  startDigitalRiverEmulator,
} from './emulator/digitalRiver/digitalRiverEmulator.js';
export type { HostedCheckoutView } from './emulator/digitalRiver/hostedCheckoutPage.js';
export type { EmulatorFault, FaultEndpoint, FaultKind } from './emulator/faultQueue.js';
export {
  type FirmlyEmulator,
  type FirmlyEmulatorCounters,
  type FirmlyEmulatorOptions,
  type RequestLogEntry,
  startFirmlyEmulator,
} from './emulator/firmly/firmlyEmulator.js';
