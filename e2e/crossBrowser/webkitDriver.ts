import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { FoundWebKitGtk } from '../setup/findBrowsers.js';
import { type ProcessGroup, startProcessGroup } from '../startProcessGroup.js';
import type { BrowserDriver, DriverPage } from './BrowserDriver.js';

// MiniBrowser has no headless mode: without a display, or with a flag it does not know, POST
// /session hangs instead of failing, so its creation is given a deadline.
const SESSION_TIMEOUT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Resolves with the first line a child writes to a stream, or rejects when it exits first. */
function firstLine(child: ChildProcess, stream: NodeJS.ReadableStream, what: string) {
  return new Promise<string>((resolve, reject) => {
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`${what} exited ${code} before it was ready`)));
  });
}

/** Starts a virtual display; Xvfb picks a free one and writes its number on fd 3. */
async function startDisplay(xvfb: string): Promise<{ display: string; group: ProcessGroup }> {
  const group = startProcessGroup(
    xvfb,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const fd3 = group.child.stdio[3] as NodeJS.ReadableStream;
  try {
    return { display: `:${(await firstLine(group.child, fd3, 'Xvfb')).trim()}`, group };
  } catch (error) {
    await group.stop();
    throw error;
  }
}

interface WebDriverError {
  error: string;
  message: string;
}

/** One W3C WebDriver command; a WebDriver error becomes a thrown Error with its code. */
async function command<T>(
  base: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const payload = (await response.json()) as { value: T | WebDriverError };
  if (!response.ok) {
    const error = payload.value as WebDriverError;
    throw new Error(`WebDriver ${method} ${path}: ${error.error}: ${error.message}`);
  }
  return payload.value as T;
}

/** Starts WebKitWebDriver on a free port, resolving once it answers `/status`. */
async function startWebDriver(driver: string, display: string) {
  const port = await freePort();
  const group = startProcessGroup(driver, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = `http://127.0.0.1:${port}`;
  // It says nothing when it listens, so its readiness is asked, with the port as the condition.
  const exited = new Promise<never>((_, reject) =>
    group.child.once('exit', (code) => reject(new Error(`WebKitWebDriver exited ${code}`))),
  );
  exited.catch(() => undefined);
  for (;;) {
    try {
      await Promise.race([command(base, 'GET', '/status'), exited]);
      return { base, group };
    } catch (error) {
      if (group.child.exitCode !== null) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * Drives Debian's WebKitGTK (the engine Safari is built on) over W3C WebDriver, under a virtual
 * display. The driver serves one session at a time and each session is a fresh profile, so
 * every page gets a driver of its own; disabling service workers is a MiniBrowser flag.
 *
 * @param webkit - the driver, MiniBrowser and Xvfb found by the set-up
 * @returns the driver
 */
export function webkitDriver(webkit: FoundWebKitGtk): BrowserDriver {
  let display: Promise<{ display: string; group: ProcessGroup }> | undefined;
  const open = new Set<DriverPage>();
  return {
    name: 'webkit (WebKitGTK)',
    async newPage(options = {}) {
      display ??= startDisplay(webkit.xvfb);
      const { base, group } = await startWebDriver(webkit.driver, (await display).display);
      let sessionId: string;
      try {
        const args = ['--automation'];
        if (options.workersDisabled) args.push('--features=-ServiceWorkers');
        ({ sessionId } = await command<{ sessionId: string }>(
          base,
          'POST',
          '/session',
          {
            capabilities: {
              alwaysMatch: {
                browserName: 'MiniBrowser',
                'webkitgtk:browserOptions': { binary: webkit.browser, args },
              },
            },
          },
          AbortSignal.timeout(SESSION_TIMEOUT_MS),
        ));
      } catch (error) {
        await group.stop();
        throw error;
      }
      const session = `/session/${sessionId}`;
      const driverPage: DriverPage = {
        // WebDriver has no command to stop a service worker, and WebKitGTK no idle-time setting.
        canRestartWorkers: false,
        async goto(url) {
          await command(base, 'POST', `${session}/url`, { url });
        },
        async evaluate(fn, arg) {
          const script = `const done = arguments[arguments.length - 1];
Promise.resolve(arguments[0]).then(${fn.toString()}).then(
  (value) => done({ value }),
  (error) => done({ error: error instanceof Error ? error.name + ': ' + error.message : String(error) }),
);`;
          const result = await command<{ value?: unknown; error?: string }>(
            base,
            'POST',
            `${session}/execute/async`,
            { script, args: [arg ?? null] },
          );
          if (result.error !== undefined) throw new Error(`in WebKit: ${result.error}`);
          return result.value as never;
        },
        async restartWorkers() {
          throw new Error('WebKitGTK cannot stop service workers over WebDriver');
        },
        async close() {
          if (!open.delete(driverPage)) return;
          try {
            await command(base, 'DELETE', session);
          } finally {
            await group.stop();
          }
        },
      };
      open.add(driverPage);
      return driverPage;
    },
    async close() {
      await Promise.allSettled([...open].map((page) => page.close()));
      if (display) await (await display).group.stop();
      display = undefined;
    },
  };
}
