// `sw-token-interceptor` in a page typed with the DOM lib: both providers, and the mistakes the
// types must catch. Every `@ts-expect-error` fails the run if the line stops being an error.
import {
  type DigitalRiverInstallOptions,
  ErrorCode,
  type ErrorInfo,
  type FirmlyInstallOptions,
  type InstallOptions,
  InterceptorError,
  install,
  type SessionInfo,
  type SwTokenInterceptor,
} from 'sw-token-interceptor';

const firmly: SwTokenInterceptor = install({ provider: 'firmly', appId: 'app' });
install({
  provider: 'firmly',
  appId: 'app',
  apiOrigins: ['https://api.firmly.work', 'https://cc.firmly.work'],
  swUrl: '/sw.js',
  scope: '/',
  registerWorker: false,
  renewMarginSeconds: 60,
  debug: true,
});
install({
  provider: 'digitalriver',
  siteId: 'site',
  apiKey: 'key',
  storeOrigin: 'https://store.example',
  apiOrigin: 'https://api.example',
});

install({ provider: 'digitalriver', siteId: 'site', apiKey: 'key', tokenVia: 'api-key' });
install({ provider: 'digitalriver', siteId: 'site', tokenVia: 'oauth' });

const asVariable: DigitalRiverInstallOptions = { provider: 'digitalriver', siteId: 'site' };
install(asVariable);
const either: InstallOptions =
  Math.random() > 0.5 ? asVariable : { provider: 'firmly', appId: 'a' };
if (either.provider === 'firmly') {
  const narrowed: FirmlyInstallOptions = either;
  narrowed.appId satisfies string;
} else {
  either.siteId satisfies string;
}

// @ts-expect-error Firmly needs its application id.
install({ provider: 'firmly' });
// @ts-expect-error a site id belongs to Digital River.
install({ provider: 'firmly', appId: 'a', siteId: 's' });
// @ts-expect-error Digital River has no application id.
install({ provider: 'digitalriver', appId: 'a' });
// @ts-expect-error tokenVia is 'oauth' or 'api-key'.
install({ provider: 'digitalriver', siteId: 's', apiKey: 'k', tokenVia: 'apiKey' });
// @ts-expect-error tokenVia belongs to Digital River.
install({ provider: 'firmly', appId: 'a', tokenVia: 'api-key' });
// @ts-expect-error an unknown provider.
install({ provider: 'stripe', appId: 'a' });
// @ts-expect-error origins are a list, not one string, in options.
install({ provider: 'firmly', appId: 'a', apiOrigins: 'https://api.firmly.work' });

await firmly.ready;
const session: SessionInfo = await firmly.session();
session.deviceId satisfies string;
const off: () => void = firmly.on('error', (error: ErrorInfo) => {
  if (error.code === ErrorCode.InvalidAppId) off();
});
firmly.on('intercept', (info) => info.status satisfies number);
// @ts-expect-error no such event.
firmly.on('token', () => undefined);
new InterceptorError(ErrorCode.ConfigInvalid) satisfies Error;
