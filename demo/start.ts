import { fileURLToPath } from 'node:url';
import { startDigitalRiverEmulator } from '../testing/emulator/digitalRiver/digitalRiverEmulator.js';
import { startFirmlyEmulator } from '../testing/emulator/firmly/firmlyEmulator.js';
import { startStorefront } from './storefrontServer.js';

const APP_ID = 'demo-app';
const DR_SITE_ID = 'demoSite';
const DR_API_KEY = 'demo-public-key';
const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/**
 * Tries the preferred ports and falls back to free ones, so a second demo (or anything else on
 * 8787) does not stop this one from starting.
 */
async function onPreferredPorts<P extends Record<string, number>, T>(
  ports: P,
  start: (ports: P) => Promise<T>,
): Promise<T> {
  try {
    return await start(ports);
  } catch (error) {
    const anyPreferred = Object.values(ports).some((port) => port !== 0);
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !anyPreferred) throw error;
    const free = Object.fromEntries(Object.keys(ports).map((key) => [key, 0])) as P;
    return start(free);
  }
}

const running: { close(): Promise<void> }[] = [];

/** Starts one server and remembers it, so a failure later on stops the ones already running. */
async function started<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
  try {
    const value = await server;
    running.push(value);
    return value;
  } catch (error) {
    await Promise.all(running.map((s) => s.close()));
    throw error;
  }
}

const api = await started(
  onPreferredPorts({ port: portFromEnv('API_PORT', 8788) }, ({ port }) =>
    startFirmlyEmulator({ host: '127.0.0.1', port, appIds: [APP_ID] }),
  ),
);
// No test controls: a visitor's browser must not be able to expire or revoke tokens.
const digitalRiver = await started(
  onPreferredPorts(
    { storePort: portFromEnv('DR_STORE_PORT', 0), apiPort: portFromEnv('DR_API_PORT', 0) },
    (ports) =>
      startDigitalRiverEmulator({
        host: '127.0.0.1',
        siteId: DR_SITE_ID,
        apiKeys: [DR_API_KEY],
        ...ports,
      }),
  ),
);
const shop = await started(
  onPreferredPorts({ port: portFromEnv('PORT', 8787) }, ({ port }) =>
    startStorefront({
      host: 'localhost',
      port,
      apiOrigin: api.origin,
      appId: APP_ID,
      distDir: DIST_DIR,
      // The emulator's key, as production needs one: it identifies the client on oauth20/token.
      digitalRiver: {
        apiKey: DR_API_KEY,
        siteId: DR_SITE_ID,
        storeOrigin: digitalRiver.storeOrigin,
        apiOrigin: digitalRiver.apiOrigin,
      },
    }),
  ),
);

console.log(`
  Luma Gift Shop demo is running.

    Firmly shop:                ${shop.origin}/
    Digital River shop:         ${shop.origin}/digitalriver.html

    Firmly Cart API (emu):      ${api.origin}
    Digital River store (emu):  ${digitalRiver.storeOrigin}
    Digital River API (emu):    ${digitalRiver.apiOrigin}

  Press Ctrl+C to stop.
`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(running.map((server) => server.close()));
  process.exit(0);
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);
