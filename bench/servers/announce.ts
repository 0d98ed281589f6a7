import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a bench server tells the parent once it listens. */
export type ListeningMessage = { type: 'listening'; port: number };
/** The parent asks for `{ type: 'cpu' }`; the answer is this process's CPU time so far. */
export type CpuMessage = { type: 'cpu'; userMicros: number; systemMicros: number };

export const BENCH_HOST = '127.0.0.1';

/**
 * Listens on an ephemeral loopback port and reports it to the parent (`bench/platform.ts`) over
 * IPC, and as a JSON line on stderr for runs without an IPC channel. Stdout is left alone: the
 * full app's logs go there. Stops on SIGTERM/SIGINT, or when the parent goes away.
 */
export const listenAndAnnounce = (server: Server, onClose?: () => Promise<void>): void => {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close(() => {
      void (onClose ?? (() => Promise.resolve()))().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    const answer: CpuMessage = { type: 'cpu', userMicros: user, systemMicros: system };
    process.send?.(answer);
  });

  server.listen(0, BENCH_HOST, () => {
    const { port } = server.address() as AddressInfo;
    const message: ListeningMessage = { type: 'listening', port };
    process.send?.(message);
    process.stderr.write(`${JSON.stringify(message)}\n`);
  });
};
