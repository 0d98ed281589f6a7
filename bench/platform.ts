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
import os from 'node:os';
import { parseArgs } from 'node:util';
import { BENCH_HOST } from './servers/announce';
import {
  note,
  runBench,
  STARTUP_TIMEOUT_MS,
  startChildServer,
  startWatchdog,
  stopAll,
  pinLoadGenerator,
  write,
  writeResults,
  type ChildServer,
} from './child-server';
import { integerOption } from './cli-options';

const TARGET_RATIO = 0.7;
const ROUND_SETTLE_SECONDS = 1;

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

type Started = ChildServer & { target: Target };

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

const startServer = async (target: Target): Promise<Started> => ({
  target,
  ...(await startChildServer({
    file: target.file,
    label: target.label,
    env: { ...process.env, NODE_ENV: 'production' },
    pin: true,
  })),
});

// ---------------------------------------------------------------------------------------------
// Load

let running: autocannon.Instance | undefined;
const stopLoad = () => running?.stop();

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
  const pinned = pinLoadGenerator();
  note(pinned ? 'autocannon pinned to CPU 0, servers to CPU 1' : 'CPUs not pinned');
  const perMeasurement = ROUND_SETTLE_SECONDS + options.duration + 5;
  const budgetMs =
    STARTUP_TIMEOUT_MS +
    TARGETS.length * (options.warmup + 5) * 1000 +
    options.rounds * TARGETS.length * perMeasurement * 1000 +
    30_000;
  const stopWatchdog = startWatchdog(budgetMs, stopLoad);

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
      if (server.exited()) {
        throw new Error(`${server.target.label} died during the run\n${server.stderrTail()}`);
      }
      // Each server sat idle while the others were measured, and V8 shrinks an idle process's
      // young generation; a second of the same load first measures it as steady traffic finds it.
      await load(url(server), options, ROUND_SETTLE_SECONDS);
      const cpuBefore = await server.cpuMicros();
      const result = await load(url(server), options, options.duration);
      const cpuAfter = await server.cpuMicros();
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
  stopWatchdog();

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

  await writeResults('platform', {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverage: os.loadavg(),
    options,
    targetRatio: TARGET_RATIO,
    verdict,
    ratios,
    targets: summary,
  });
};

runBench(main, { stopLoad, servers: 'servers' });
