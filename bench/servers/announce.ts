import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks';
import { startCpuProfile } from './cpu-profile';

/** What a bench server tells the parent once it listens. */
export type ListeningMessage = { type: 'listening'; port: number };
/** The parent asks for `{ type: 'cpu' }`; the answer is this process's CPU time so far. */
export type CpuMessage = { type: 'cpu'; userMicros: number; systemMicros: number };

/**
 * The parent asks for `{ type: 'event-loop' }`; the answer is this process's event-loop delay
 * since the previous ask, in ms beyond the sampling timer's own interval. The first ask only
 * starts the measurement (all zeros), so servers nobody asks pay nothing for it.
 */
export type EventLoopMessage = {
  type: 'event-loop';
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
};

export const BENCH_HOST = '127.0.0.1';
const LOOP_DELAY_RESOLUTION_MS = 10;

let loopDelay: ELDHistogram | undefined;

/** Each recorded value is the time between two timer ticks: the resolution plus the delay. */
const takeLoopDelay = (): EventLoopMessage => {
  const delayMs = (nanos: number) => Math.max(0, nanos / 1e6 - LOOP_DELAY_RESOLUTION_MS);
  const answer: EventLoopMessage =
    loopDelay && loopDelay.count > 0
      ? {
          type: 'event-loop',
          samples: loopDelay.count,
          p50Ms: delayMs(loopDelay.percentile(50)),
          p99Ms: delayMs(loopDelay.percentile(99)),
          maxMs: delayMs(loopDelay.max),
          meanMs: delayMs(loopDelay.mean),
        }
      : { type: 'event-loop', samples: 0, p50Ms: 0, p99Ms: 0, maxMs: 0, meanMs: 0 };
  if (loopDelay) loopDelay.reset();
  else {
    loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
    loopDelay.enable();
  }
  return answer;
};

/**
 * Listens on an ephemeral loopback port and reports it to the parent (`bench/platform.ts`,
 * `bench/auth.ts`) over IPC, and as a JSON line on stderr for runs without an IPC channel. Stdout is left alone: the
 * full app's logs go there. Stops on SIGTERM/SIGINT, or when the parent goes away.
 */
export const listenAndAnnounce = (server: Server, onClose?: () => Promise<void>): void => {
  let stopping = false;
  let stopProfile: (() => Promise<void>) | undefined;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close(() => {
      void (stopProfile ?? (() => Promise.resolve()))()
        .then(onClose ?? (() => Promise.resolve()))
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  process.on('message', (message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'event-loop') {
      process.send?.(takeLoopDelay());
      return;
    }
    if (type !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    const answer: CpuMessage = { type: 'cpu', userMicros: user, systemMicros: system };
    process.send?.(answer);
  });

  const announce = async () => {
    stopProfile = await startCpuProfile();
    const { port } = server.address() as AddressInfo;
    const message: ListeningMessage = { type: 'listening', port };
    process.send?.(message);
    process.stderr.write(`${JSON.stringify(message)}\n`);
  };
  server.listen(0, BENCH_HOST, () => void announce());
};
