/**
 * What every bench script shares: bench servers (bench/servers/*.ts) in child processes under
 * tsx with this Node, their port and CPU time over IPC, stopping them on every way out, and the
 * results file.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CpuMessage, ListeningMessage } from './servers/announce';

export const STARTUP_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 3_000;
const ASK_TIMEOUT_MS = 2_000;
const STDERR_TAIL_CHARS = 8_000;

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');

export const write = (line = '') => process.stdout.write(`${line}\n`);
export const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export type ChildServer = {
  child: ChildProcess;
  port: number;
  /** The end of what the child wrote to stderr, for error messages. */
  stderrTail: () => string;
  /** Sends `{ type }` over IPC and waits for the answer of that type; undefined if none. */
  ask: <T extends { type: string }>(type: T['type']) => Promise<T | undefined>;
  /** The child's CPU time (user + system) so far in µs; undefined if it does not answer. */
  cpuMicros: () => Promise<number | undefined>;
  /** True once the child has exited. */
  exited: () => boolean;
  stop: () => Promise<void>;
};

const children = new Set<ChildProcess>();

const isMessage = <T extends { type: string }>(value: unknown, type: T['type']): value is T =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

const ask = <T extends { type: string }>(child: ChildProcess, type: T['type']) =>
  new Promise<T | undefined>((resolve) => {
    const done = (value: T | undefined) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(value);
    };
    const onMessage = (message: unknown) => {
      if (isMessage<T>(message, type)) done(message);
    };
    const timer = setTimeout(() => done(undefined), ASK_TIMEOUT_MS);
    child.on('message', onMessage);
    if (!child.connected || !child.send({ type })) done(undefined);
  });

/** SIGTERM, then SIGKILL if it has not gone after a while. */
const stopChild = (child: ChildProcess): Promise<void> => {
  if (hasExited(child)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
};

const others = new Set<() => Promise<void>>();

/**
 * Something else to stop along with the children on every way out (a browser, a server that
 * other code started); returns the function that takes it off the list again.
 */
export const stopWithChildren = (stop: () => Promise<void>): (() => void) => {
  others.add(stop);
  return () => others.delete(stop);
};

export const stopAll = async (): Promise<void> => {
  await Promise.all([
    ...[...children].map(stopChild),
    ...[...others].map((stop) => stop().catch(() => undefined)),
  ]);
};

// Last resort if we exit any other way: no orphaned servers.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * On a 2-core machine the scheduler sometimes puts a server on the load generator's core for a
 * whole run, which doubles its CPU time per request and makes ratios swing from 45% to 80%
 * between runs. Pinning the load generator (this process) to the first CPU and each server to
 * the second, the same for every target, makes runs comparable. Linux with `taskset` only;
 * elsewhere, and with one CPU, nothing is pinned.
 */
const canPin = () => {
  if (process.platform !== 'linux' || os.availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const pinTo = (pid: number, cpu: number) =>
  execFileSync('taskset', ['-a', '-cp', String(cpu), String(pid)], { stdio: 'ignore' });

/** Pins this process (autocannon) to CPU 0; servers started with `pin` go to CPU 1. */
export const pinLoadGenerator = (): boolean => {
  if (!canPin()) return false;
  pinTo(process.pid, 0);
  return true;
};

/**
 * The Node flags `npm start` gives the server (the words of the root package.json's `start`
 * script that begin with `--`), so that every bench server runs with production's V8 settings.
 */
const startNodeFlags = (): string[] => {
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
};

/** Starts bench/servers/<file>; resolves once it reports its port over IPC. */
export const startChildServer = ({
  file,
  label,
  env = process.env,
  pin = false,
}: {
  file: string;
  label: string;
  env?: NodeJS.ProcessEnv;
  /** Run on CPU 1 (see `pinLoadGenerator`). */
  pin?: boolean;
}): Promise<ChildServer> => {
  // BENCH_NODE_FLAGS (e.g. V8 GC flags) and BENCH_CHILD_STDOUT (e.g. for --trace-gc) are for
  // experiments on the servers; without them a server runs as `npm start` would run it.
  const child = spawn(
    process.execPath,
    [
      ...startNodeFlags(),
      ...(process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
      '--import',
      import.meta.resolve('tsx'),
      path.join(benchDir, 'servers', file),
    ],
    // stdout (the full app's pino logs) goes to /dev/null unless asked for; the port comes over IPC.
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', process.env.BENCH_CHILD_STDOUT ? 'inherit' : 'ignore', 'pipe', 'ipc'],
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  if (pin && child.pid !== undefined) pinTo(child.pid, 1);

  let tail = '';
  child.stderr?.setEncoding('utf8');
  // Always drained, or a chatty child would block on a full pipe.
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  const stderrTail = () => tail;

  const server = (port: number): ChildServer => ({
    child,
    port,
    stderrTail,
    ask: <T extends { type: string }>(type: T['type']) => ask<T>(child, type),
    cpuMicros: async () => {
      const cpu = await ask<CpuMessage>(child, 'cpu');
      return cpu ? cpu.userMicros + cpu.systemMicros : undefined;
    },
    exited: () => hasExited(child),
    stop: () => stopChild(child),
  });

  return new Promise<ChildServer>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: Error | number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (typeof outcome === 'number') resolve(server(outcome));
      else reject(outcome);
    };
    const timer = setTimeout(
      () => settle(new Error(`${label}: no port within ${STARTUP_TIMEOUT_MS} ms\n${tail}`)),
      STARTUP_TIMEOUT_MS,
    );
    child.on('message', (message: unknown) => {
      if (isMessage<ListeningMessage>(message, 'listening') && Number.isInteger(message.port)) {
        settle(message.port);
      }
    });
    child.once('error', (error) => settle(new Error(`${label}: ${error.message}`)));
    child.once('exit', (code, signal) =>
      settle(
        new Error(`${label} exited before listening (code ${code}, signal ${signal})\n${tail}`),
      ),
    );
  });
};

const bail = (stopLoad: () => void, code: number) => {
  stopLoad();
  void stopAll().finally(() => process.exit(code));
};

/** After `budgetMs`, calls `stopLoad`, stops every child and exits 1; returns the canceller. */
export const startWatchdog = (budgetMs: number, stopLoad: () => void): (() => void) => {
  const watchdog = setTimeout(() => {
    note(`run exceeded its ${Math.round(budgetMs / 1000)} s budget; stopping`);
    bail(stopLoad, 1);
  }, budgetMs);
  watchdog.unref();
  return () => clearTimeout(watchdog);
};

/**
 * Runs a bench script's main. On a failure or a SIGINT/SIGTERM it calls `stopLoad`, stops every
 * child (saying so as `stopping <servers>`) and exits non-zero.
 */
export const runBench = (
  main: () => Promise<void>,
  { stopLoad, servers }: { stopLoad: () => void; servers: string },
): void => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      note(`${signal}; stopping ${servers}`);
      bail(stopLoad, signal === 'SIGINT' ? 130 : 143);
    });
  }
  main().catch((error: unknown) => {
    note(`failed: ${error instanceof Error ? error.message : String(error)}`);
    bail(stopLoad, 1);
  });
};

/** Writes bench/results/<name>.json and says so on stdout. */
export const writeResults = async (name: string, data: unknown): Promise<void> => {
  const outFile = path.join(benchDir, 'results', `${name}.json`);
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify(data, null, 2)}\n`);
  write();
  write(`results written to ${path.relative(process.cwd(), outFile)}`);
};
