// The older idiom: `self` declared as a ServiceWorkerGlobalScope keeps compiling.
import { interceptApiCalls } from 'sw-token-interceptor/sw';

declare const self: ServiceWorkerGlobalScope;
interceptApiCalls(self, { provider: 'firmly', appId: 'app' });
interceptApiCalls(self, { provider: 'digitalriver', siteId: 'site' });
