import type { ProviderId } from '../config/WorkerConfig.js';
import type { SessionInfo } from './SessionInfo.js';
import type { StoredSession } from './tokenStore.js';

/**
 * @param session - the session as stored
 * @param provider - whose session it is
 * @param path - which host runs it
 * @returns what the page may know of it, which leaves out every token
 */
export function toSessionInfo(
  session: StoredSession,
  provider: ProviderId,
  path: SessionInfo['path'],
): SessionInfo {
  return {
    provider,
    deviceId: session.deviceId,
    expiresAt: session.expiresAt,
    deviceCreated: session.deviceCreated,
    path,
  };
}
