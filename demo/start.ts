import { fileURLToPath } from 'node:url';
import { startFirmlyEmulator } from './emulator/firmlyEmulator';
import { startStorefront } from './storefrontServer';

const APP_ID = 'demo-app';
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
 * Tries the preferred port and falls back to a free one, so a second demo (or anything else on
 * 8787) does not stop this one from starting.
 */
async function onPreferredPort<T>(port: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    return start(0);
  }
}

const api = await onPreferredPort(portFromEnv('API_PORT', 8788), (port) =>
  startFirmlyEmulator({ host: '127.0.0.1', port }),
);
const shop = await onPreferredPort(portFromEnv('PORT', 8787), (port) =>
  startStorefront({
    host: 'localhost',
    port,
    apiOrigin: api.origin,
    appId: APP_ID,
    distDir: DIST_DIR,
  }),
).catch(async (error: unknown) => {
  await api.close();
  throw error;
});

console.log(`
  Luma Gift Shop demo is running.

    Storefront:      ${shop.origin}/
    Cart API (emu):  ${api.origin}

  Press Ctrl+C to stop.
`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all([shop.close(), api.close()]);
  process.exit(0);
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);
