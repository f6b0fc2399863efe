import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening, and the way to stop it. */
export interface Listening {
  /** Such as `http://127.0.0.1:41234`. */
  origin: string;
  /** Stops listening and ends every open connection, so a test never waits on a held socket. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a server on a loopback host and reports its origin. Every server of the demo and the
 * emulators goes through here, so they all bind and stop the same way.
 *
 * @param server - the server
 * @param host - the host to bind (loopback: `127.0.0.1` or `localhost`)
 * @param port - the port; 0 picks a free one
 * @returns its origin and its close function
 */
export function listenOnLoopback(server: Server, host: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      let closing: Promise<void> | undefined;
      resolve({
        origin: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        close() {
          closing ??= new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          return closing;
        },
      });
    });
  });
}
