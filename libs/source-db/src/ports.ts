import net from 'node:net';
import { SourceDbError } from './source-db-error';

/** The fixed default port of the embedded server (AUTOCORP_PG_PORT overrides it). */
export const DEFAULT_EMBEDDED_PORT = 54329;

/** AUTOCORP_PG_PORT, validated, or the default. */
export function embeddedPort(env: NodeJS.ProcessEnv): number {
  const raw = env.AUTOCORP_PG_PORT?.trim();
  if (raw === undefined || raw === '') return DEFAULT_EMBEDDED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new SourceDbError(
      'invalid-port',
      `AUTOCORP_PG_PORT is "${raw}", which is not a TCP port. Set it to a number from 1 to 65535, or unset it for ${DEFAULT_EMBEDDED_PORT}.`,
    );
  }
  return port;
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('the OS gave no port'));
      });
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function isPortListening(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
