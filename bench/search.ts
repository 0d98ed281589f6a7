/**
 * Provider search under load (issue 5). Seeds `--providers` providers at real India Post offices
 * of the demo cities (1,000,000 on the PostgreSQL server, 100,000 on PGlite by default; reused
 * between runs), then measures, interleaved over `--rounds`:
 *
 * - api:       the full app (cache off) answering `GET /api/search/providers` for random points,
 *              categories and radii (autocannon, `--connections`);
 * - sql:       pgbench running the very statements the API runs per request (one: the page with
 *              its capped count and card details), taken from the repository's builders, with
 *              the same random draws and concurrency;
 * - naive:     pgbench running the textbook query (earth_box + ORDER BY earth_distance over the
 *              normalised tables' separate GiST and btree indexes), top 20;
 * - cached:    the full app with its search cache on, one repeated query;
 * - express:   a bare Express 5 endpoint sending the cached path's response, its baseline.
 *
 * pgbench cannot reach PGlite: with `--database pglite` only api, cached and express run.
 *
 *   npm run bench:search -- [--database server|pglite] [--providers n] [--reseed]
 *     [--duration 10] [--connections 50] [--rounds 3] [--warmup 3]
 *     [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * Always exits 0 after a completed run (a measurement, not a test); results also go to
 * bench/results/search.json.
 */
import autocannon from 'autocannon';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../apps/api/src/db/seed/random';
import {
  note,
  runBench,
  startChildServer,
  startWatchdog,
  stopAll,
  write,
  writeResults,
  type ChildServer,
} from './child-server';
import { integerOption } from './cli-options';
import {
  copyPglite,
  pgliteDatabase,
  prepareDatabase,
  prewarmServerDatabase,
  readFacts,
  serverDatabase,
  type BenchDatabase,
} from './search-database';
import { runPgbench, stopPgbench, writeScripts, type PgbenchResult } from './search-pgbench';
import { apiPgbenchScript, explainableStatements, naivePgbenchScripts } from './search-sql';
import { buildWorkload, randomRequest, searchPath, type Workload } from './search-workload';
import { BENCH_HOST } from './servers/announce';

const TARGETS = {
  naiveTimes: 20,
  apiOverSql: 0.5,
  p99Ms: 150,
  cachedOverExpress: 0.7,
};

type Options = {
  database: 'server' | 'pglite';
  providers: number;
  reseed: boolean;
  duration: number;
  connections: number;
  rounds: number;
  warmup: number;
  pgUrl: string;
};

type Key = 'api' | 'sql' | 'naive' | 'cached' | 'express';
const LABELS: Record<Key, string> = {
  api: 'API search (cache off)',
  sql: 'pgbench, same SQL',
  naive: 'pgbench, naive query',
  cached: 'API search (cached)',
  express: 'Express 5 (bare, same body)',
};

type Measurement = {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  failures: number;
};

const parseOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'server' },
      providers: { type: 'string' },
      reseed: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '3' },
      'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    write(
      'usage: npm run bench:search -- [--database server|pglite] [--providers n] [--reseed] ' +
        '[--duration s=10] [--connections n=50] [--rounds n=3] [--warmup s=3] [--pg-url url]',
    );
    process.exit(0);
  }
  if (values.database !== 'server' && values.database !== 'pglite')
    throw new Error(`--database must be server or pglite, got ${values.database}`);
  const database = values.database;
  return {
    database,
    providers: integerOption(
      'providers',
      values.providers ?? (database === 'server' ? '1000000' : '100000'),
      1000,
      5_000_000,
    ),
    reseed: values.reseed,
    duration: integerOption('duration', values.duration, 1, 600),
    connections: integerOption('connections', values.connections, 1, 500),
    rounds: integerOption('rounds', values.rounds, 1, 20),
    warmup: integerOption('warmup', values.warmup, 0, 120),
    pgUrl: values['pg-url'],
  };
};

// ---------------------------------------------------------------------------------------------
// Load

let running: autocannon.Instance | undefined;
const stopLoad = () => {
  running?.stop();
  stopPgbench();
};

const fromAutocannon = (result: autocannon.Result): Measurement => ({
  perSecond: result.requests.average,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  total: result.requests.total,
  failures: result.non2xx + result.errors + result.timeouts,
});

const fromPgbench = (result: PgbenchResult): Measurement => ({
  perSecond: result.tps,
  p50Ms: result.p50Ms,
  p99Ms: result.p99Ms,
  total: result.transactions,
  failures: result.failed,
});

/** autocannon on `port`; `nextPath` gives every request its own path. */
const httpLoad = (
  port: number,
  nextPath: () => string,
  options: Options,
  seconds: number,
): Promise<Measurement> =>
  new Promise((resolve, reject) => {
    running = autocannon(
      {
        url: `http://${BENCH_HOST}:${port}`,
        connections: options.connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: nextPath() }),
          },
        ],
      },
      (error: unknown, result) => {
        running = undefined;
        if (error)
          reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
        else resolve(fromAutocannon(result));
      },
    );
  });

/** One request before any load, so a broken server fails loudly instead of benchmarking 4xx. */
const checkSearch = async (label: string, port: number, path: string) => {
  const response = await fetch(`http://${BENCH_HOST}:${port}${path}`, {
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const body = JSON.parse(text) as {
    success?: boolean;
    data?: { providers?: unknown[] };
    meta?: { total?: number };
  };
  if (response.status !== 200 || body.success !== true)
    throw new Error(`${label}: ${path} answered ${response.status} ${text}`);
  return { found: body.data?.providers?.length ?? 0, total: body.meta?.total ?? 0, text };
};

// ---------------------------------------------------------------------------------------------
// Report

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const fmtInt = (value: number) => Math.round(value).toLocaleString('en-US');
const fmtMs = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

const summarise = (runs: Measurement[]) => ({
  perSecond: median(runs.map((r) => r.perSecond)),
  p50Ms: median(runs.map((r) => r.p50Ms)),
  p99Ms: median(runs.map((r) => r.p99Ms)),
  failures: runs.reduce((sum, r) => sum + r.failures, 0),
  runs,
});
type Summary = ReturnType<typeof summarise>;

const report = (options: Options, summary: Partial<Record<Key, Summary>>) => {
  write();
  write(
    `GET /api/search/providers on ${options.providers.toLocaleString('en-US')} providers ` +
      `(${options.database === 'server' ? 'PostgreSQL server' : 'PGlite'}), ` +
      `${options.connections} connections, ${options.duration} s x ${options.rounds} rounds ` +
      '(interleaved), medians',
  );
  write();
  write(
    `${'target'.padEnd(24)} ${'per s'.padStart(8)} ${'p50 ms'.padStart(7)} ` +
      `${'p99 ms'.padStart(7)}  per round`,
  );
  write('-'.repeat(80));
  for (const key of Object.keys(LABELS) as Key[]) {
    const row = summary[key];
    if (!row) continue;
    write(
      `${LABELS[key].padEnd(24)} ${fmtInt(row.perSecond).padStart(8)} ` +
        `${fmtMs(row.p50Ms).padStart(7)} ${fmtMs(row.p99Ms).padStart(7)}  ` +
        row.runs.map((r) => fmtInt(r.perSecond)).join(' / ') +
        (row.failures > 0 ? `  (failures ${row.failures})` : ''),
    );
  }
  write();
  const checks: { name: string; value: string; target: string; pass: boolean }[] = [];
  const { api, sql, naive, cached, express } = summary;
  if (api && naive)
    checks.push({
      name: 'API / naive query',
      value: `${(api.perSecond / naive.perSecond).toFixed(1)}x`,
      target: `>= ${TARGETS.naiveTimes}x`,
      pass: api.perSecond >= TARGETS.naiveTimes * naive.perSecond,
    });
  if (api && sql)
    checks.push({
      name: 'API / pgbench same SQL',
      value: `${((api.perSecond / sql.perSecond) * 100).toFixed(1)}%`,
      target: `>= ${TARGETS.apiOverSql * 100}%`,
      pass: api.perSecond >= TARGETS.apiOverSql * sql.perSecond,
    });
  if (api)
    checks.push({
      name: `API p99 at ${options.connections} connections`,
      value: `${fmtMs(api.p99Ms)} ms`,
      target: `< ${TARGETS.p99Ms} ms`,
      pass: api.p99Ms < TARGETS.p99Ms,
    });
  if (cached && express)
    checks.push({
      name: 'cached / bare Express',
      value: `${((cached.perSecond / express.perSecond) * 100).toFixed(1)}%`,
      target: `>= ${TARGETS.cachedOverExpress * 100}%`,
      pass: cached.perSecond >= TARGETS.cachedOverExpress * express.perSecond,
    });
  for (const check of checks)
    write(
      `${check.name.padEnd(30)} ${check.value.padStart(8)}  ${verdict(check.pass)} (target ${check.target})`,
    );
  if (options.database === 'pglite')
    write('pgbench cannot connect to PGlite: no SQL or naive baseline on this database.');
  return checks;
};

// ---------------------------------------------------------------------------------------------
// Run

const startApp = async (where: BenchDatabase, cache: boolean, label: string) => {
  const dir = where.kind === 'pglite' && cache ? await copyPglite(where.dir, 'cached') : undefined;
  return startChildServer({
    file: 'search-app.ts',
    label,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_SEARCH_CACHE: String(cache),
      ...(where.kind === 'server'
        ? { BENCH_DATABASE_URL: where.url }
        : { BENCH_PGLITE_DIR: dir ?? where.dir }),
    },
  });
};

const main = async () => {
  const options = parseOptions();
  const where =
    options.database === 'server'
      ? serverDatabase(options.pgUrl)
      : pgliteDatabase(options.providers);
  note(
    `node ${process.version}, ${os.availableParallelism()} cpus, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await prepareDatabase({
    where,
    serverUrl: options.pgUrl,
    providers: options.providers,
    reseed: options.reseed,
  });

  const warmed = await prewarmServerDatabase(where);
  if (warmed > 0) note(`read ${warmed.toLocaleString('en-US')} blocks into the page cache`);
  const sample = { lat: 12.9352, lng: 77.6245, radiusKm: 10, category: 'plumbing' };
  const facts = await readFacts(where, explainableStatements(sample));
  const workload: Workload = buildWorkload(facts.categories);
  note(
    `${facts.searchEntries.toLocaleString('en-US')} search entries, ${facts.categories.length} ` +
      `categories, ${workload.cities.length} cities`,
  );
  for (const { label, plan } of facts.explains) {
    const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
    note(`EXPLAIN ${label} (Koramangala, plumbing, 10 km): ${time ?? '?'} ms`);
  }

  const perMeasurement = options.duration + 10;
  const stopWatchdog = startWatchdog(
    300_000 + (options.rounds + 1) * 5 * perMeasurement * 1000,
    stopLoad,
  );

  note('starting servers…');
  const servers: Partial<Record<'api' | 'cached' | 'express', ChildServer>> = {
    api: await startApp(where, false, LABELS.api),
    cached: await startApp(where, true, LABELS.cached),
  };
  const random = seededRandom(Date.now() & 0xffffffff);
  const randomPath = () => searchPath(randomRequest(workload, random));
  const cachedPath = searchPath(sample);
  const first = await checkSearch(LABELS.api, servers.api!.port, cachedPath);
  const cachedResponse = await checkSearch(LABELS.cached, servers.cached!.port, cachedPath);
  note(`sample search found ${first.found} providers (total ${first.total})`);
  // The baseline sends the very response the cached path sends: the ratio is then the cost of
  // the stack and the cache, not of a bigger body.
  const responseFile = path.join(
    await mkdtemp(path.join(os.tmpdir(), 'localkart-bench-')),
    'page.json',
  );
  await writeFile(responseFile, cachedResponse.text);
  servers.express = await startChildServer({
    file: 'bare-express.ts',
    label: LABELS.express,
    env: { ...process.env, BENCH_SEARCH_RESPONSE: responseFile },
  });

  const scripts =
    where.kind === 'server'
      ? {
          sql: await writeScripts([apiPgbenchScript(workload)], 'prepared'),
          naive: await writeScripts(naivePgbenchScripts(workload), 'extended'),
        }
      : undefined;

  const measure = async (key: Key, seconds: number): Promise<Measurement> => {
    switch (key) {
      case 'api':
        return httpLoad(servers.api!.port, randomPath, options, seconds);
      case 'cached':
        return httpLoad(servers.cached!.port, () => cachedPath, options, seconds);
      case 'express':
        return httpLoad(servers.express!.port, () => cachedPath, options, seconds);
      case 'sql':
      case 'naive': {
        const set = scripts![key];
        return fromPgbench(
          await runPgbench({
            target: (where as Extract<BenchDatabase, { kind: 'server' }>).pgbench,
            files: set.files,
            protocol: set.protocol,
            clients: options.connections,
            seconds,
            logDir: set.dir,
          }),
        );
      }
    }
  };

  const keys: Key[] = scripts
    ? ['api', 'sql', 'naive', 'cached', 'express']
    : ['api', 'cached', 'express'];
  if (options.warmup > 0)
    for (const key of keys) {
      note(`warming up ${LABELS[key]} for ${options.warmup} s`);
      await measure(key, options.warmup);
    }
  const results = new Map<Key, Measurement[]>(keys.map((key) => [key, []]));
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const key of keys) {
      for (const server of Object.values(servers))
        if (server.exited())
          throw new Error(`a server died during the run\n${server.stderrTail()}`);
      const m = await measure(key, options.duration);
      results.get(key)?.push(m);
      note(
        `round ${round}/${options.rounds} ${LABELS[key].padEnd(24)} ${fmtInt(m.perSecond).padStart(7)}/s  ` +
          `p50 ${fmtMs(m.p50Ms)} ms  p99 ${fmtMs(m.p99Ms)} ms` +
          (m.failures > 0 ? `  (failures ${m.failures})` : ''),
      );
    }
  }
  await stopAll();
  await scripts?.sql.remove();
  await scripts?.naive.remove();
  stopWatchdog();

  const summary = Object.fromEntries(
    [...results].map(([key, runs]) => [key, summarise(runs)]),
  ) as Partial<Record<Key, Summary>>;
  const checks = report(options, summary);
  write();
  for (const { label, plan } of facts.explains) {
    write(`EXPLAIN (ANALYZE, BUFFERS) ${label}, Koramangala, plumbing, 10 km:`);
    write(plan.replace(/^/gm, '  '));
  }
  await writeResults('search', {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverage: os.loadavg(),
    options,
    searchEntries: facts.searchEntries,
    targets: TARGETS,
    checks,
    summary,
    explains: facts.explains,
  });
};

runBench(main, { stopLoad, servers: 'servers and pgbench' });
