/**
 * Platform overhead benchmark: `GET /api/ping` on bare `node:http`, bare Express 5 and the full
 * LocalKart app (all platform middleware, logging at info), each in its own child process so
 * autocannon (here) and the server never share a core. Targets are measured interleaved over
 * several rounds and the median per target is reported, because the machine is shared and noisy.
 *
 *   npm run bench -- [--duration 10] [--connections 50] [--rounds 3] [--warmup 3]
 *
 * Always exits 0 after a completed run (it is a measurement, not a test); results also go to
 * bench/results/platform.json.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_HOST, type CpuMessage, type ListeningMessage } from './servers/announce';
import { integerOption } from './cli-options';

const TARGET_RATIO = 0.7;
const STARTUP_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 3_000;

const TARGETS = [
  { key: 'http', label: 'node:http (bare)', file: 'bare-http.ts' },
  { key: 'express', label: 'Express 5 (bare)', file: 'bare-express.ts' },
  { key: 'full', label: 'LocalKart (full app)', file: 'full-app.ts' },
] as const;
type Target = (typeof TARGETS)[number];
type TargetKey = Target['key'];

type Options = {
  duration: number;
  connections: number;
  pipelining: number;
  rounds: number;
  warmup: number;
};

type Measurement = {
  round: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** The server's own CPU time (user + system) per response: steadier than req/s on a busy box. */
  serverCpuMicrosPerRequest: number | undefined;
  bytesPerResponse: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

type Started = { target: Target; child: ChildProcess; port: number; stderrTail: () => string };

const write = (line = '') => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');

const parseOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      pipelining: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '3' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    write(
      'usage: npm run bench -- [--duration s=10] [--connections n=50] [--pipelining n=1] ' +
        '[--rounds n=3 (min 2)] [--warmup s=3]',
    );
    process.exit(0);
  }
  return {
    duration: integerOption('duration', values.duration, 1, 600),
    connections: integerOption('connections', values.connections, 1, 1000),
    pipelining: integerOption('pipelining', values.pipelining, 1, 100),
    rounds: integerOption('rounds', values.rounds, 2, 20),
    warmup: integerOption('warmup', values.warmup, 0, 120),
  };
};

// ---------------------------------------------------------------------------------------------
// Child processes

const children = new Set<ChildProcess>();

const isListeningMessage = (value: unknown): value is ListeningMessage =>
  typeof value === 'object' &&
  value !== null &&
  (value as { type?: unknown }).type === 'listening' &&
  Number.isInteger((value as { port?: unknown }).port);

/** Starts one server under tsx with Node 24 (`process.execPath`); resolves with its port. */
const startServer = (target: Target): Promise<Started> => {
  const tsxLoader = import.meta.resolve('tsx');
  const child = spawn(
    process.execPath,
    ['--import', tsxLoader, path.join(benchDir, 'servers', target.file)],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      // stdout (the full app's pino logs) goes to /dev/null; the port comes over IPC or stderr.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));

  // Always drain stderr, or a chatty child would block on a full pipe.
  let tail = '';
  let pending = '';
  const stderrTail = () => tail.slice(-4000);
  child.stderr?.setEncoding('utf8');

  return new Promise<Started>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | undefined, port?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else if (port !== undefined) resolve({ target, child, port, stderrTail });
    };
    const timer = setTimeout(
      () => settle(new Error(`${target.label}: no port within ${STARTUP_TIMEOUT_MS} ms`)),
      STARTUP_TIMEOUT_MS,
    );
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-16_000);
      if (settled) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        try {
          const parsed: unknown = JSON.parse(line);
          if (isListeningMessage(parsed)) settle(undefined, parsed.port);
        } catch {
          // Not our line; keep looking.
        }
      }
    });
    child.on('message', (message: unknown) => {
      if (isListeningMessage(message)) settle(undefined, message.port);
    });
    child.once('error', (error) => settle(new Error(`${target.label}: ${error.message}`)));
    child.once('exit', (code, signal) =>
      settle(
        new Error(
          `${target.label} exited before listening (code ${code}, signal ${signal})\n${stderrTail()}`,
        ),
      ),
    );
  });
};

const isCpuMessage = (value: unknown): value is CpuMessage =>
  typeof value === 'object' &&
  value !== null &&
  (value as { type?: unknown }).type === 'cpu' &&
  typeof (value as { userMicros?: unknown }).userMicros === 'number' &&
  typeof (value as { systemMicros?: unknown }).systemMicros === 'number';

/** The server's CPU time so far in µs, asked over IPC; undefined if it does not answer. */
const serverCpuMicros = ({ child }: Started): Promise<number | undefined> =>
  new Promise((resolve) => {
    const done = (value: number | undefined) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(value);
    };
    const onMessage = (message: unknown) => {
      if (isCpuMessage(message)) done(message.userMicros + message.systemMicros);
    };
    const timer = setTimeout(() => done(undefined), 2000);
    child.on('message', onMessage);
    if (!child.connected || !child.send({ type: 'cpu' })) done(undefined);
  });

const stopChild = (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
};

const stopAll = () => Promise.all([...children].map(stopChild));

// Last resort if we exit any other way: no orphaned servers.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

// ---------------------------------------------------------------------------------------------
// Load

let running: autocannon.Instance | undefined;

const load = (url: string, options: Options, seconds: number): Promise<autocannon.Result> =>
  new Promise((resolve, reject) => {
    running = autocannon(
      {
        url,
        duration: seconds,
        connections: options.connections,
        pipelining: options.pipelining,
        timeout: 10,
      },
      (error: unknown, result) => {
        running = undefined;
        if (error)
          reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
        else resolve(result);
      },
    );
  });

/** A request before any load, so a broken server fails loudly instead of benchmarking 404s. */
const checkPing = async ({ target, port }: Started) => {
  const response = await fetch(`http://${BENCH_HOST}:${port}/api/ping`, {
    signal: AbortSignal.timeout(5000),
  });
  const body = (await response.json()) as { success?: unknown; data?: { pong?: unknown } };
  if (response.status !== 200 || body.success !== true || body.data?.pong !== true) {
    throw new Error(`${target.label}: unexpected ping answer ${response.status}`);
  }
};

const toMeasurement = (
  round: number,
  result: autocannon.Result,
  cpuMicros: number | undefined,
): Measurement => ({
  round,
  requestsPerSecond: result.requests.average,
  latencyP50Ms: result.latency.p50,
  latencyP99Ms: result.latency.p99,
  serverCpuMicrosPerRequest:
    cpuMicros !== undefined && result.requests.total > 0
      ? cpuMicros / result.requests.total
      : undefined,
  bytesPerResponse:
    result.requests.total > 0
      ? Math.round((result.throughput.total || 0) / result.requests.total)
      : 0,
  total: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
});

// ---------------------------------------------------------------------------------------------
// Report

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const medianOrUndefined = (values: (number | undefined)[]): number | undefined => {
  const defined = values.filter((v) => v !== undefined);
  return defined.length === values.length ? median(defined) : undefined;
};

const fmtInt = (value: number) => Math.round(value).toLocaleString('en-US');
const fmtMicros = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0));
const fmtRatio = (value: number) => `${(value * 100).toFixed(1)}%`;

const main = async () => {
  const options = parseOptions();
  const perMeasurement = options.duration + 5;
  const budgetMs =
    STARTUP_TIMEOUT_MS +
    TARGETS.length * (options.warmup + 5) * 1000 +
    options.rounds * TARGETS.length * perMeasurement * 1000 +
    30_000;
  const watchdog = setTimeout(() => {
    note(`run exceeded its ${Math.round(budgetMs / 1000)} s budget; stopping`);
    running?.stop();
    void stopAll().finally(() => process.exit(1));
  }, budgetMs);
  watchdog.unref();

  note(
    `node ${process.version}, ${os.availableParallelism()} cpus, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  note('starting servers…');
  const started = await Promise.all(TARGETS.map(startServer));
  for (const server of started) {
    await checkPing(server);
    note(`${server.target.label} on ${BENCH_HOST}:${server.port} (pid ${server.child.pid})`);
  }

  const url = (server: Started) => `http://${BENCH_HOST}:${server.port}/api/ping`;
  if (options.warmup > 0) {
    for (const server of started) {
      note(`warming up ${server.target.label} for ${options.warmup} s`);
      await load(url(server), options, options.warmup);
    }
  }

  const results = new Map<TargetKey, Measurement[]>(TARGETS.map(({ key }) => [key, []]));
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const server of started) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        throw new Error(`${server.target.label} died during the run\n${server.stderrTail()}`);
      }
      const cpuBefore = await serverCpuMicros(server);
      const result = await load(url(server), options, options.duration);
      const cpuAfter = await serverCpuMicros(server);
      const measurement = toMeasurement(
        round,
        result,
        cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined,
      );
      results.get(server.target.key)?.push(measurement);
      note(
        `round ${round}/${options.rounds} ${server.target.label.padEnd(22)} ` +
          `${fmtInt(measurement.requestsPerSecond).padStart(7)} req/s  ` +
          `p99 ${measurement.latencyP99Ms} ms  ` +
          `cpu ${fmtMicros(measurement.serverCpuMicrosPerRequest)} µs/req` +
          (measurement.non2xx + measurement.errors > 0
            ? `  (non-2xx ${measurement.non2xx}, errors ${measurement.errors})`
            : ''),
      );
    }
  }
  await stopAll();
  clearTimeout(watchdog);

  const summary = Object.fromEntries(
    TARGETS.map(({ key, label }) => {
      const runs = results.get(key) ?? [];
      return [
        key,
        {
          label,
          requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
          latencyP99Ms: median(runs.map((r) => r.latencyP99Ms)),
          serverCpuMicrosPerRequest: medianOrUndefined(
            runs.map((r) => r.serverCpuMicrosPerRequest),
          ),
          bytesPerResponse: median(runs.map((r) => r.bytesPerResponse)),
          non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
          errors: runs.reduce((sum, r) => sum + r.errors, 0),
          runs,
        },
      ];
    }),
  ) as Record<
    TargetKey,
    {
      label: string;
      requestsPerSecond: number;
      latencyP99Ms: number;
      serverCpuMicrosPerRequest: number | undefined;
      bytesPerResponse: number;
      non2xx: number;
      errors: number;
      runs: Measurement[];
    }
  >;
  const ratios = {
    expressOverHttp: summary.express.requestsPerSecond / summary.http.requestsPerSecond,
    fullOverExpress: summary.full.requestsPerSecond / summary.express.requestsPerSecond,
    fullOverHttp: summary.full.requestsPerSecond / summary.http.requestsPerSecond,
    /** Express's server CPU per request over the full app's: the same ratio, less noisy. */
    fullOverExpressByCpu:
      summary.express.serverCpuMicrosPerRequest !== undefined &&
      summary.full.serverCpuMicrosPerRequest !== undefined
        ? summary.express.serverCpuMicrosPerRequest / summary.full.serverCpuMicrosPerRequest
        : undefined,
  };
  const verdict = ratios.fullOverExpress >= TARGET_RATIO ? 'PASS' : 'BELOW TARGET';

  write();
  write(
    `GET /api/ping, ${options.connections} connections, pipelining ${options.pipelining}, ` +
      `${options.duration} s x ${options.rounds} rounds (interleaved), medians`,
  );
  write();
  write(
    `${'target'.padEnd(22)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(7)} ` +
      `${'cpu µs/req'.padStart(10)} ${'bytes/res'.padStart(9)}  req/s per round`,
  );
  write('-'.repeat(90));
  for (const { key } of TARGETS) {
    const row = summary[key];
    write(
      `${row.label.padEnd(22)} ${fmtInt(row.requestsPerSecond).padStart(9)} ` +
        `${row.latencyP99Ms.toFixed(0).padStart(7)} ` +
        `${fmtMicros(row.serverCpuMicrosPerRequest).padStart(10)} ` +
        `${String(row.bytesPerResponse).padStart(9)}  ` +
        row.runs.map((r) => fmtInt(r.requestsPerSecond)).join(' / ') +
        (row.non2xx + row.errors > 0 ? `  (non-2xx ${row.non2xx}, errors ${row.errors})` : ''),
    );
  }
  write();
  write(`express / http    ${fmtRatio(ratios.expressOverHttp)}`);
  write(`full / http       ${fmtRatio(ratios.fullOverHttp)}`);
  write(
    `full / express    ${fmtRatio(ratios.fullOverExpress)}   ${verdict} ` +
      `(target >= ${fmtRatio(TARGET_RATIO)})`,
  );
  if (ratios.fullOverExpressByCpu !== undefined) {
    write(`  by server CPU/request: ${fmtRatio(ratios.fullOverExpressByCpu)} (informational)`);
  }

  const outFile = path.join(benchDir, 'results', 'platform.json');
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(
    outFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.availableParallelism(),
        loadAverage: os.loadavg(),
        options,
        targetRatio: TARGET_RATIO,
        verdict,
        ratios,
        targets: summary,
      },
      null,
      2,
    )}\n`,
  );
  write();
  write(`results written to ${path.relative(process.cwd(), outFile)}`);
};

const abort = (error: unknown) => {
  note(`failed: ${error instanceof Error ? error.message : String(error)}`);
  running?.stop();
  void stopAll().finally(() => process.exit(1));
};

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    note(`${signal}; stopping servers`);
    running?.stop();
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

main().catch(abort);
