import {
  createConnection,
  createServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net';

export type TcpProxy = {
  readonly host: string;
  readonly port: number;
  /** Destroys every open connection and stops listening, so new connections are refused. */
  cut: () => Promise<void>;
  /** Listens again on the same port. */
  restore: () => Promise<void>;
  /** Cuts and releases the port for good. */
  close: () => Promise<void>;
};

const listen = (server: Server, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

/**
 * A TCP proxy on 127.0.0.1 in front of `target`, to simulate a dependency going away and coming
 * back without touching the shared server.
 */
export const startTcpProxy = async (target: { host: string; port: number }): Promise<TcpProxy> => {
  const host = '127.0.0.1';
  const sockets = new Set<Socket>();

  let listening = false;
  const server = createServer((client) => {
    // A client reconnecting while the proxy is being cut would hold server.close() open forever.
    if (!listening) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const teardown = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', teardown).on('close', teardown);
    upstream.on('error', teardown).on('close', teardown);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await listen(server, 0, host);
  const { port } = server.address() as AddressInfo;
  listening = true;

  const cut = async () => {
    const wasListening = listening;
    listening = false;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (!wasListening) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    host,
    port,
    cut,
    restore: async () => {
      if (listening) return;
      await listen(server, port, host);
      listening = true;
    },
    close: cut,
  };
};
