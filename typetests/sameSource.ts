// The page's options and the worker's are one source: these fail to compile if they drift.
import type { DigitalRiverInstallOptions, FirmlyInstallOptions } from 'sw-token-interceptor';
import type { WorkerOptions } from 'sw-token-interceptor/sw';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type PageOnly = 'swUrl' | 'scope' | 'registerWorker';

export const firmlyMatches: Equal<
  Omit<FirmlyInstallOptions, PageOnly>,
  Omit<Extract<WorkerOptions, { provider: 'firmly' }>, never>
> = true;
export const digitalRiverMatches: Equal<
  Omit<DigitalRiverInstallOptions, PageOnly>,
  Omit<Extract<WorkerOptions, { provider: 'digitalriver' }>, never>
> = true;
export const providersMatch: Equal<WorkerOptions['provider'], 'firmly' | 'digitalriver'> = true;
