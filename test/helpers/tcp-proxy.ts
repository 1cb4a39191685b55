// A TCP proxy on loopback for fault tests: everything between the service and a server (Postgres) goes
// through it, so a test can cut every connection and refuse new ones for a while, as when the database
// host restarts or the network drops, and then let traffic through again.
import net from 'node:net';

export interface TcpProxy {
  /** The port the proxy listens on (stays the same across outages). */
  port: number;
  /** Destroys every open connection and refuses new ones until `restore()`. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  /** Connections accepted so far (each one a new connection from the client). */
  accepted(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let server: net.Server | null = null;
  let port = 0;

  const listen = (onPort: number) =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        accepted++;
        const upstream = net.connect(target.port, target.host);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          // A reset on one side ends the other; the client sees its connection drop.
          sock.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(onPort, '127.0.0.1', () => {
        server = s;
        port = (s.address() as net.AddressInfo).port;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
      for (const sock of sockets) {
        try {
          sock.resetAndDestroy();
        } catch {
          sock.destroy();
        }
      }
    });

  await listen(0);
  return {
    get port() {
      return port;
    },
    async cut() {
      await stopListening();
    },
    async restore() {
      if (!server) await listen(port);
    },
    accepted: () => accepted,
    async close() {
      await stopListening();
    },
  };
}
