import type { ProviderId } from '../config/WorkerConfig.js';

/** What the page may know of the session. It never holds the token itself. */
export interface SessionInfo {
  provider: ProviderId;
  deviceId: string;
  /** Local-clock milliseconds since the epoch. */
  expiresAt: number;
  /** Whether the last token obtained created a new device (the cart started afresh). */
  deviceCreated: boolean;
  /** Which host attaches the token for this page: the service worker, or the in-page fallback. */
  path: 'worker' | 'page';
}
