import type { EmulatorCors } from './EmulatorCors.js';

/**
 * What both emulators start with, and what the Playwright fixture restores before each test: the
 * page's origin and the headers its preflight asks for are mirrored, with credentials, as a
 * credentialed API has to answer (a browser refuses `*` for a call that carries cookies).
 */
export const MIRRORED_CORS: Readonly<Required<EmulatorCors>> = {
  allowOrigins: 'echo',
  allowHeaders: 'echo',
  allowCredentials: true,
  maxAgeSeconds: 600,
  omitOnUnauthorized: false,
};
