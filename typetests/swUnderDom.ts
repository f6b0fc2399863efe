// A project typed with the DOM lib alone imports the worker entry, for its types or to share
// configuration: the package's own declarations must not need the WebWorker lib.
import { interceptApiCalls, type WorkerOptions } from 'sw-token-interceptor/sw';

export const shared: WorkerOptions = {
  provider: 'digitalriver',
  siteId: 'site',
  storeOrigin: 'https://store.example',
};
export const start: typeof interceptApiCalls = interceptApiCalls;
