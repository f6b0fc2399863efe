// `sw-token-interceptor/sw` in a worker typed with the WebWorker lib, where `self` is
// `WorkerGlobalScope & typeof globalThis`: both providers, inline and as variables.
import {
  type DigitalRiverOptions,
  ErrorCode,
  type FirmlyOptions,
  InterceptorError,
  interceptApiCalls,
  type WorkerOptions,
} from 'sw-token-interceptor/sw';

interceptApiCalls(self, { provider: 'firmly', appId: 'app' });
interceptApiCalls(self, {
  provider: 'digitalriver',
  siteId: 'site',
  storeOrigin: 'https://store.example',
  apiOrigins: ['https://api.example', 'https://payments.example'],
});

interceptApiCalls(self, {
  provider: 'digitalriver',
  siteId: 'site',
  apiKey: 'key',
  tokenVia: 'api-key',
});

const dr: WorkerOptions = { provider: 'digitalriver', siteId: 'site', apiKey: 'key' };
interceptApiCalls(self, dr);
const firmly: FirmlyOptions = { provider: 'firmly', appId: 'app', renewMarginSeconds: 60 };
interceptApiCalls(self, firmly);
const typed: DigitalRiverOptions = { provider: 'digitalriver', siteId: 's', debug: true };
interceptApiCalls(self, typed);

// @ts-expect-error a site id belongs to Digital River.
interceptApiCalls(self, { provider: 'firmly', appId: 'a', siteId: 's' });
// @ts-expect-error Digital River needs its site id.
interceptApiCalls(self, { provider: 'digitalriver' });
// @ts-expect-error tokenVia is 'oauth' or 'api-key'.
interceptApiCalls(self, { provider: 'digitalriver', siteId: 's', tokenVia: 'key' });
// @ts-expect-error the scope comes first.
interceptApiCalls({ provider: 'firmly', appId: 'a' });

try {
  interceptApiCalls(self, { provider: 'firmly', appId: 'a' });
} catch (error) {
  if (error instanceof InterceptorError && error.code === ErrorCode.ConfigInvalid) throw error;
}
