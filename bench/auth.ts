/**
 * Login under load: does password hashing (scrypt N=2^17 on libuv's thread pool) keep the server
 * responsive for everyone else? The full app runs in a child process with one account registered
 * through the API; autocannon drives `--concurrency` connections that sign in over and over,
 * while separate connection pools send `GET /api/ping` and an authenticated
 * `GET /api/users/profile` (its JWT check is WebCrypto, which shares the thread pool with scrypt)
 * at a modest fixed rate each and record every latency. The same probes with no logins running
 * are the baseline. The server reports its own event-loop delay (perf_hooks
 * monitorEventLoopDelay) and CPU time over IPC. Baseline and load alternate over `--rounds`
 * rounds; medians are reported.
 *
 *   npm run bench:auth -- [--duration 10] [--concurrency 50] [--ping-rate 20] [--rounds 2]
 *
 * Target: /api/ping p99 stays under 50 ms while logins are hashing. Always exits 0 after a
 * completed run (it is a measurement, not a test); results also go to bench/results/auth.json.
 */
import autocannon from 'autocannon';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { BENCH_HOST, type EventLoopMessage } from './servers/announce';
import {
  note,
  runBench,
  STARTUP_TIMEOUT_MS,
  startChildServer,
  startWatchdog,
  stopAll,
  write,
  writeResults,
  type ChildServer,
} from './child-server';
import { integerOption } from './cli-options';

const TARGET_PING_P99_MS = 50;
const EMAIL = 'bench.login@example.in';
const PASSWORD = 'Bench-Login-2026';

type Options = {
  duration: number;
  concurrency: number;
  pingRate: number;
  rounds: number;
  warmup: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const parseOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '50' },
      'ping-rate': { type: 'string', default: '20' },
      rounds: { type: 'string', default: '2' },
      warmup: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    write(
      'usage: npm run bench:auth -- [--duration s=10] [--concurrency n=50] ' +
        '[--ping-rate per-s=20] [--rounds n=2] [--warmup s=2]',
    );
    process.exit(0);
  }
  return {
    duration: integerOption('duration', values.duration, 2, 600),
    concurrency: integerOption('concurrency', values.concurrency, 1, 1000),
    pingRate: integerOption('ping-rate', values['ping-rate'], 1, 500),
    rounds: integerOption('rounds', values.rounds, 1, 20),
    warmup: integerOption('warmup', values.warmup, 0, 120),
  };
};

// ---------------------------------------------------------------------------------------------
// The server

/**
 * Logins still queued for the thread pool when a load phase ends keep hashing after autocannon
 * has gone; the next baseline waits until the server's CPU use drops to near idle.
 */
const waitUntilIdle = async (server: ChildServer, maxMs = 60_000) => {
  const deadline = Date.now() + maxMs;
  let previous = await server.cpuMicros();
  while (Date.now() < deadline) {
    await sleep(500);
    const now = await server.cpuMicros();
    if (now === undefined || previous === undefined) return;
    if (now - previous < 0.1 * 500_000) return;
    previous = now;
  }
};

// ---------------------------------------------------------------------------------------------
// Load

const postJson = async (url: string, body: unknown) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const answer: unknown = await response.json();
  return { status: response.status, body: answer };
};

/** The account every login uses: registered through the API, then signed in once to check. */
const seedAccount = async (base: string) => {
  const registered = await postJson(`${base}/api/auth/register`, {
    email: EMAIL,
    password: PASSWORD,
    firstName: 'Bench',
    lastName: 'Login',
    phone: '+91 98765 43210',
  });
  if (registered.status !== 201) {
    throw new Error(`registration failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  }
  const login = await postJson(`${base}/api/auth/login`, { email: EMAIL, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return (login.body as { data: { accessToken: string } }).data.accessToken;
};

let running: autocannon.Instance | undefined;
const stopLoad = () => running?.stop();

const loginLoad = (base: string, options: Options, seconds: number) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    running = autocannon(
      {
        url: `${base}/api/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
        connections: options.concurrency,
        duration: seconds,
        timeout: 60,
      },
      (error: unknown, result) => {
        running = undefined;
        if (error)
          reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
        else resolve(result);
      },
    );
  });

/**
 * What is probed during every phase: the cheapest route, and one behind the auth guard. Each
 * has a keep-alive pool of its own with no socket limit, so a probe never queues on the client
 * side behind logins or behind the other probe.
 */
type Probe = { path: string; token?: string; agent: http.Agent };

const probeOnce = (port: number, probe: Probe) =>
  new Promise<number>((resolve, reject) => {
    const start = performance.now();
    const req = http.get(
      {
        host: BENCH_HOST,
        port,
        path: probe.path,
        agent: probe.agent,
        timeout: 30_000,
        headers: probe.token ? { authorization: `Bearer ${probe.token}` } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) resolve(performance.now() - start);
          else reject(new Error(`${probe.path} answered ${res.statusCode}`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${probe.path} timed out`)));
    req.on('error', reject);
  });

/** Requests on a fixed schedule (open loop: a slow answer does not delay the next request). */
const probeAtRate = async (port: number, probe: Probe, rate: number, seconds: number) => {
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const count = Math.round(rate * seconds);
  for (let i = 0; i < count; i += 1) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      probeOnce(port, probe).then(
        (ms) => void latencies.push(ms),
        () => void (errors += 1),
      ),
    );
  }
  await Promise.all(pending);
  return { latencies, errors };
};

// ---------------------------------------------------------------------------------------------
// Measurements

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

type Latencies = { count: number; errors: number; p50Ms: number; p99Ms: number; maxMs: number };

const latenciesOf = ({ latencies, errors }: { latencies: number[]; errors: number }) => ({
  count: latencies.length,
  errors,
  p50Ms: percentile(latencies, 50),
  p99Ms: percentile(latencies, 99),
  maxMs: latencies.length > 0 ? Math.max(...latencies) : Number.NaN,
});

type Phase = {
  round: number;
  withLogins: boolean;
  seconds: number;
  ping: Latencies;
  profile: Latencies;
  eventLoopDelayP50Ms: number | undefined;
  eventLoopDelayP99Ms: number | undefined;
  eventLoopDelayMaxMs: number | undefined;
  /** Cores the server kept busy on average (all its threads, the hashing ones included). */
  serverCores: number | undefined;
  logins?: {
    succeeded: number;
    perSecond: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    latencyP50Ms: number;
    latencyP99Ms: number;
    serverCpuMsPerLogin: number | undefined;
  };
};

const measure = async (
  server: ChildServer,
  probes: { ping: Probe; profile: Probe },
  options: Options,
  round: number,
  withLogins: boolean,
): Promise<Phase> => {
  const { port } = server;
  const base = `http://${BENCH_HOST}:${port}`;
  await server.ask<EventLoopMessage>('event-loop'); // resets the server's histogram
  const cpuBefore = await server.cpuMicros();
  const started = performance.now();
  const [ping, profile, logins] = await Promise.all([
    probeAtRate(port, probes.ping, options.pingRate, options.duration),
    probeAtRate(port, probes.profile, options.pingRate, options.duration),
    withLogins ? loginLoad(base, options, options.duration) : Promise.resolve(undefined),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await server.cpuMicros();
  const loop = await server.ask<EventLoopMessage>('event-loop');
  const cpuMs =
    cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / 1000 : undefined;
  const succeeded = logins?.['2xx'] ?? 0;
  return {
    round,
    withLogins,
    seconds,
    ping: latenciesOf(ping),
    profile: latenciesOf(profile),
    eventLoopDelayP50Ms: loop?.p50Ms,
    eventLoopDelayP99Ms: loop?.p99Ms,
    eventLoopDelayMaxMs: loop?.maxMs,
    serverCores: cpuMs === undefined ? undefined : cpuMs / (seconds * 1000),
    ...(logins
      ? {
          logins: {
            succeeded,
            perSecond: succeeded / options.duration,
            non2xx: logins.non2xx,
            errors: logins.errors,
            timeouts: logins.timeouts,
            latencyP50Ms: logins.latency.p50,
            latencyP99Ms: logins.latency.p99,
            serverCpuMsPerLogin:
              cpuMs !== undefined && succeeded > 0 ? cpuMs / succeeded : undefined,
          },
        }
      : {}),
  };
};

const fmt = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);

const describePhase = (phase: Phase) =>
  `round ${phase.round} ${phase.withLogins ? 'with logins ' : 'baseline    '}` +
  `ping p50 ${fmt(phase.ping.p50Ms)} p99 ${fmt(phase.ping.p99Ms)} ms  ` +
  `profile p50 ${fmt(phase.profile.p50Ms)} p99 ${fmt(phase.profile.p99Ms)} ms  ` +
  `loop delay p99 ${fmt(phase.eventLoopDelayP99Ms)} max ${fmt(phase.eventLoopDelayMaxMs)} ms  ` +
  `cores ${fmt(phase.serverCores, 2)}` +
  (phase.logins
    ? `  logins ${fmt(phase.logins.perSecond)}/s (p50 ${phase.logins.latencyP50Ms} ms` +
      (phase.logins.non2xx + phase.logins.errors > 0
        ? `, non-2xx ${phase.logins.non2xx}, errors ${phase.logins.errors})`
        : ')')
    : '') +
  (phase.ping.errors + phase.profile.errors > 0
    ? `  probe errors ${phase.ping.errors + phase.profile.errors}`
    : '');

const main = async () => {
  const options = parseOptions();
  const budgetMs =
    STARTUP_TIMEOUT_MS +
    (options.warmup + 10) * 1000 +
    options.rounds * (2 * options.duration + 90) * 1000;
  const stopWatchdog = startWatchdog(budgetMs, stopLoad);

  const threadPool = process.env.UV_THREADPOOL_SIZE ?? '4 (default)';
  note(
    `node ${process.version}, ${os.availableParallelism()} cpus, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, UV_THREADPOOL_SIZE ${threadPool}`,
  );
  note('starting the full app…');
  const started = await startChildServer({ file: 'full-app.ts', label: 'server' });
  const base = `http://${BENCH_HOST}:${started.port}`;
  note(`LocalKart on ${BENCH_HOST}:${started.port} (pid ${started.child.pid}); seeding account`);
  const accessToken = await seedAccount(base);
  const probes = {
    ping: { path: '/api/ping', agent: new http.Agent({ keepAlive: true }) },
    profile: {
      path: '/api/users/profile',
      token: accessToken,
      agent: new http.Agent({ keepAlive: true }),
    },
  } satisfies Record<string, Probe>;
  if (options.warmup > 0) {
    note(`warming up for ${options.warmup} s`);
    await Promise.all([
      probeAtRate(started.port, probes.ping, options.pingRate, options.warmup),
      probeAtRate(started.port, probes.profile, options.pingRate, options.warmup),
      loginLoad(base, { ...options, concurrency: 4 }, options.warmup),
    ]);
    await waitUntilIdle(started);
  }

  const phases: Phase[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const withLogins of [false, true]) {
      if (started.exited()) {
        throw new Error(`the server died during the run\n${started.stderrTail()}`);
      }
      const phase = await measure(started, probes, options, round, withLogins);
      phases.push(phase);
      note(describePhase(phase));
      if (withLogins) await waitUntilIdle(started);
    }
  }
  await stopAll();
  stopWatchdog();

  const summarise = (withLogins: boolean) => {
    const runs = phases.filter((p) => p.withLogins === withLogins);
    const defined = (values: (number | undefined)[]) =>
      values.every((v) => v !== undefined) ? median(values) : undefined;
    return {
      pingP50Ms: median(runs.map((r) => r.ping.p50Ms)),
      pingP99Ms: median(runs.map((r) => r.ping.p99Ms)),
      profileP50Ms: median(runs.map((r) => r.profile.p50Ms)),
      profileP99Ms: median(runs.map((r) => r.profile.p99Ms)),
      eventLoopDelayP99Ms: defined(runs.map((r) => r.eventLoopDelayP99Ms)),
      serverCores: defined(runs.map((r) => r.serverCores)),
      probeErrors: runs.reduce((sum, r) => sum + r.ping.errors + r.profile.errors, 0),
    };
  };
  const baseline = summarise(false);
  const underLoad = summarise(true);
  const loginRuns = phases.flatMap((p) => (p.logins ? [p.logins] : []));
  const logins = {
    perSecond: median(loginRuns.map((l) => l.perSecond)),
    latencyP50Ms: median(loginRuns.map((l) => l.latencyP50Ms)),
    latencyP99Ms: median(loginRuns.map((l) => l.latencyP99Ms)),
    serverCpuMsPerLogin: loginRuns.every((l) => l.serverCpuMsPerLogin !== undefined)
      ? median(loginRuns.map((l) => l.serverCpuMsPerLogin!))
      : undefined,
    failed: loginRuns.reduce((sum, l) => sum + l.non2xx + l.errors, 0),
  };
  const verdict = underLoad.pingP99Ms < TARGET_PING_P99_MS ? 'PASS' : 'BELOW TARGET';

  write();
  write(
    `POST /api/auth/login with ${options.concurrency} connections vs GET /api/ping and ` +
      `GET /api/users/profile at ${options.pingRate}/s each on their own pool, ` +
      `${options.duration} s x ${options.rounds} round(s), medians`,
  );
  write();
  write(
    `login throughput      ${fmt(logins.perSecond)} logins/s  (latency p50 ${fmt(
      logins.latencyP50Ms,
      0,
    )} ms, p99 ${fmt(logins.latencyP99Ms, 0)} ms; server CPU ${fmt(
      logins.serverCpuMsPerLogin,
      0,
    )} ms/login${logins.failed > 0 ? `; ${logins.failed} failed` : ''})`,
  );
  write();
  write(`${''.padEnd(22)}${'without logins'.padStart(16)}${'with logins'.padStart(14)}`);
  const row = (label: string, a: number | undefined, b: number | undefined, digits = 1) =>
    write(`${label.padEnd(22)}${fmt(a, digits).padStart(16)}${fmt(b, digits).padStart(14)}`);
  row('ping p50 (ms)', baseline.pingP50Ms, underLoad.pingP50Ms);
  row('ping p99 (ms)', baseline.pingP99Ms, underLoad.pingP99Ms);
  row('profile p50 (ms)', baseline.profileP50Ms, underLoad.profileP50Ms);
  row('profile p99 (ms)', baseline.profileP99Ms, underLoad.profileP99Ms);
  row('event-loop delay p99', baseline.eventLoopDelayP99Ms, underLoad.eventLoopDelayP99Ms);
  row('server cores busy', baseline.serverCores, underLoad.serverCores, 2);
  if (baseline.probeErrors + underLoad.probeErrors > 0) {
    row('probe errors', baseline.probeErrors, underLoad.probeErrors, 0);
  }
  write();
  write(
    `/api/ping p99 while logins are hashing: ${fmt(underLoad.pingP99Ms)} ms   ${verdict} ` +
      `(target < ${TARGET_PING_P99_MS} ms)`,
  );

  await writeResults('auth', {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverage: os.loadavg(),
    uvThreadpoolSize: threadPool,
    options,
    targetPingP99Ms: TARGET_PING_P99_MS,
    verdict,
    logins,
    baseline,
    underLoad,
    phases,
  });
};

runBench(main, { stopLoad, servers: 'the server' });
