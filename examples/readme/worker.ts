// src/sw.ts, type-checked with "lib": ["ES2022", "WebWorker"]
import { interceptApiCalls } from 'sw-token-interceptor/sw';

interceptApiCalls(self, { provider: 'firmly', appId: 'YOUR_APPLICATION_ID' });
// Digital River: interceptApiCalls(self, { provider: 'digitalriver', siteId: 'SITE_ID' });
