import type { WorkerConfig } from '../../core/config/WorkerConfig.js';
import { InterceptorError } from '../../core/errors/errors.js';
import type { SessionTokenAsk } from '../../core/providers/digitalriver/digitalRiverProvider.js';
import { SESSION_TOKEN_TIMEOUT_MS } from '../../core/providers/digitalriver/sessionTokenTimeout.js';
import { runSessionToken } from './runSessionToken.js';

/**
 * Runs Digital River's SessionToken in this page, for the worker or for the page fallback.
 *
 * @param win - the page's window
 * @param config - the configuration; only Digital River has a page step
 * @param ask - which SessionToken to run, as the provider that reads the answer asked for it
 * @returns what the JSONP callback received
 * @throws InterceptorError `SessionTokenFailed`
 */
export function askThisPage(
  win: Window & typeof globalThis,
  config: WorkerConfig,
  ask: SessionTokenAsk,
): Promise<unknown> {
  if (config.provider !== 'digitalriver') {
    return Promise.reject(
      new InterceptorError('SessionTokenFailed', `${config.provider} has no page step`),
    );
  }
  return runSessionToken(win, config, SESSION_TOKEN_TIMEOUT_MS, ask);
}
