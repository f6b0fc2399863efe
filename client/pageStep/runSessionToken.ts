import type { DigitalRiverConfig } from '../../core/config/WorkerConfig.js';
import { InterceptorError } from '../../core/errors/errors.js';
import type { SessionTokenAsk } from '../../core/providers/digitalriver/digitalRiverProvider.js';

let calls = 0;

/**
 * Runs Digital River's SessionToken site action as JSONP on the store origin, from this page,
 * so the store's session cookies go with it, as Digital River requires. Without `apiKey` it asks
 * for a session token, which the worker exchanges, and can exchange again, identifying the client
 * with the key on `oauth20/token`; with it (`tokenVia: 'api-key'`), for the token itself
 * (docs/decisions/016). The key is public: the docs put it in this URL.
 *
 * @param win - the page's window
 * @param config - the Digital River configuration
 * @param timeoutMs - how long the script may take to call back
 * @param ask - which SessionToken to run
 * @returns what the JSONP callback received (judged by the provider's parse step)
 * @throws InterceptorError `SessionTokenFailed` when the script fails to load or never calls back
 */
export function runSessionToken(
  win: Window & typeof globalThis,
  config: DigitalRiverConfig,
  timeoutMs: number,
  ask: SessionTokenAsk,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const name = `__swtiSessionToken${++calls}_${Date.now().toString(36)}`;
    const callbacks = win as unknown as Record<string, (data: unknown) => void>;
    const script = win.document.createElement('script');
    const url = new URL(
      `/store/${encodeURIComponent(config.siteId)}/SessionToken`,
      config.storeOrigin,
    );
    if (ask.apiKey !== undefined) url.searchParams.set('apiKey', ask.apiKey);
    url.searchParams.set('format', 'json');
    url.searchParams.set('callback', name);
    const cleanup = () => {
      clearTimeout(timer);
      delete callbacks[name];
      script.remove();
    };
    const fail = (why: string) => {
      cleanup();
      reject(new InterceptorError('SessionTokenFailed', why));
    };
    const timer = setTimeout(() => fail('SessionToken did not answer in time'), timeoutMs);
    callbacks[name] = (data) => {
      cleanup();
      resolve(data);
    };
    script.onerror = () => fail('the SessionToken script failed to load');
    script.async = true;
    script.src = url.href;
    win.document.head.append(script);
  });
}
