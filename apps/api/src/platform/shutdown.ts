import type { Server } from 'node:http';
import type { Logger } from './logger';

type Closer = { name: string; close: () => Promise<void> };

/**
 * Stops accepting connections, lets in-flight requests finish (up to `timeoutMs`, then cuts
 * them), and only then closes the resources they use, in the order given.
 */
export const shutdownGracefully = async ({
  server,
  closers,
  timeoutMs,
  logger,
}: {
  server: Server;
  closers: Closer[];
  timeoutMs: number;
  logger: Logger;
}): Promise<void> => {
  const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive sockets with no request in flight would otherwise hold `close` open.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 250);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([serverClosed.then(() => 'drained' as const), deadline]);
  clearInterval(idleSweep);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logger.warn({ timeoutMs }, 'in-flight requests did not finish in time; closing them');
    server.closeAllConnections();
    await serverClosed;
  }
  for (const { name, close } of closers) {
    await close().catch((error: unknown) =>
      logger.warn({ err: error, resource: name }, 'close failed'),
    );
  }
};
