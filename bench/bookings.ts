/**
 * Booking creation under load (issue 6), on the PostgreSQL server. Builds a fresh database
 * (`localkart_bench_bookings`): the app migrates it, then `--providers` providers (every day
 * 00:00–23:59, one service) and `--customers` signed-in customers are written. Interleaved over
 * `--rounds`, it measures:
 *
 * - api:     the full app answering `POST /api/bookings` (autocannon, `--connections`), each
 *            request a random customer booking a random provider at a random whole hour of the
 *            next 60 days (one hour; a taken slot is a 409 and does not count);
 * - ceiling: bare `INSERT INTO bookings` of equivalent rows from node-postgres (as many
 *            connections), into the same table and its exclusion constraint, on later days so
 *            the two never compete for a slot.
 *
 * Then it checks that no two active bookings of one provider overlap (the exclusion
 * constraint's promise) and prints api/ceiling (target ≥ 0.3).
 *
 *   npm run bench:bookings -- [--providers 2000] [--customers 20] [--duration 10]
 *     [--connections 50] [--rounds 2] [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * Results also go to bench/results/bookings.json.
 */
import autocannon from 'autocannon';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../apps/api/src/platform/password';
import {
  note,
  runBench,
  startChildServer,
  startWatchdog,
  stopAll,
  write,
  writeResults,
} from './child-server';
import { integerOption } from './cli-options';
import { BENCH_HOST } from './servers/announce';

const DATABASE = 'localkart_bench_bookings';
const TARGET = 0.3;
const API_DAYS = 60;
const PASSWORD = 'Bench$Booking2026';

type Options = {
  providers: number;
  customers: number;
  duration: number;
  connections: number;
  rounds: number;
  pgUrl: string;
};

const readOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      providers: { type: 'string', default: '2000' },
      customers: { type: 'string', default: '20' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '2' },
      'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    write(
      'usage: npm run bench:bookings -- [--providers n=2000] [--customers n=20] [--duration s=10] ' +
        '[--connections n=50] [--rounds n=2] [--pg-url url]',
    );
    process.exit(0);
  }
  return {
    providers: integerOption('providers', values.providers, 10, 1_000_000),
    customers: integerOption('customers', values.customers, 1, 1000),
    duration: integerOption('duration', values.duration, 1, 600),
    connections: integerOption('connections', values.connections, 1, 500),
    rounds: integerOption('rounds', values.rounds, 1, 20),
    pgUrl: values['pg-url'],
  };
};

const databaseUrl = (serverUrl: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
};

const recreateDatabase = async (serverUrl: string) => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
};

/** Providers around Bengaluru (set-based), customers sharing one password hash. */
const seed = async (client: pg.Client, options: Options) => {
  await client.query(
    `WITH u AS (
       INSERT INTO users (email, first_name, last_name, role)
       SELECT 'bench.provider.' || n || '@bench.localkart.in', 'Bench', 'Provider', 'provider'
       FROM generate_series(1, $1::int) n RETURNING id),
     p AS (INSERT INTO providers (user_id, business_name) SELECT id, 'Bench Plumbing' FROM u
       RETURNING id),
     s AS (INSERT INTO provider_services (provider_id, category_slug, subcategory_slug, title,
         base_price_paise, unit)
       SELECT id, 'plumbing', 'tap-repair', 'Tap repair', 29900, 'service' FROM p),
     a AS (INSERT INTO provider_service_areas (provider_id, city, radius_km, latitude, longitude)
       SELECT id, 'Bengaluru', 20, 12.97 + random() * 0.05, 77.59 + random() * 0.05 FROM p)
     INSERT INTO provider_availability (provider_id, day_of_week, start_time, end_time)
     SELECT p.id, d, '00:00', '23:59' FROM p, generate_series(0, 6) d`,
    [options.providers],
  );
  const hash = await hashPassword(PASSWORD);
  const customers = await client.query<{ email: string }>(
    `INSERT INTO users (email, password_hash, first_name, last_name, role)
     SELECT 'bench.customer.' || n || '@bench.localkart.in', $2, 'Bench', 'Customer', 'customer'
     FROM generate_series(1, $1::int) n RETURNING email`,
    [options.customers, hash],
  );
  const providers = await client.query<{ id: string }>('SELECT id FROM providers ORDER BY id');
  return {
    emails: customers.rows.map((row) => row.email),
    providerIds: providers.rows.map((r) => r.id),
  };
};

const signIn = async (base: string, email: string) => {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status}`);
  return ((await response.json()) as { data: { accessToken: string } }).data.accessToken;
};

/** `YYYY-MM-DD`, `days` after today (UTC calendar; the slot is in the provider's zone). */
const dayAfter = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const hourOf = () => `${String(6 + Math.floor(Math.random() * 16)).padStart(2, '0')}:00`;

const bookingBody = (providerId: string) =>
  JSON.stringify({
    providerId,
    service: { category: 'plumbing', description: 'Kitchen tap leaking' },
    location: { address: 'MG Road, Bengaluru', coordinates: [77.61, 12.99] },
    schedule: {
      preferredDate: dayAfter(2 + Math.floor(Math.random() * API_DAYS)),
      preferredTime: hourOf(),
    },
  });

type ApiRun = {
  serverCpuMsPerBooking?: number;
  createdPerSecond: number;
  conflictsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
};

let running: autocannon.Instance | undefined;
let stopCeiling = false;
const stopLoad = () => {
  running?.stop();
  stopCeiling = true;
};

const measureApi = (port: number, tokens: string[], providerIds: string[], options: Options) =>
  new Promise<ApiRun>((resolve, reject) => {
    let created = 0;
    let conflicts = 0;
    let others = 0;
    running = autocannon(
      {
        url: `http://${BENCH_HOST}:${port}`,
        connections: options.connections,
        duration: options.duration,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/api/bookings',
            setupRequest: (request) => ({
              ...request,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${pick(tokens)}`,
              },
              body: bookingBody(pick(providerIds)),
            }),
            onResponse: (status) => {
              if (status === 201) created += 1;
              else if (status === 409) conflicts += 1;
              else others += 1;
            },
          },
        ],
      },
      (error: unknown, result) => {
        running = undefined;
        if (error) return reject(error instanceof Error ? error : new Error('autocannon failed'));
        const seconds = options.duration;
        resolve({
          createdPerSecond: created / seconds,
          conflictsPerSecond: conflicts / seconds,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: others + result.errors + result.timeouts,
        });
      },
    );
  });

/**
 * The SQL ceiling: each connection inserts rows like the API's, one statement each, on days
 * after the API's window so the two runs never collide. A refused insert does not count: 23P01
 * (slot taken) or, rarely, 40P01 (two inserts of overlapping slots waited on each other and
 * PostgreSQL aborted one; the app queues such inserts on a per-provider lock instead).
 */
const measureCeiling = async (
  url: string,
  providerIds: string[],
  customerId: string,
  options: Options,
  round: number,
) => {
  const pool = new pg.Pool({ connectionString: url, max: options.connections });
  const offset = API_DAYS + 10 + round * 400;
  let inserted = 0;
  stopCeiling = false;
  const deadline = Date.now() + options.duration * 1000;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < deadline && !stopCeiling) {
        const day = dayAfter(offset + Math.floor(Math.random() * 360));
        try {
          await client.query(
            `INSERT INTO bookings (customer_id, provider_id, service_id, category_slug, subcategory_slug,
               service_title, description, estimated_duration_minutes, address, latitude, longitude,
               time_zone, preferred_start, slot, unit, unit_price_paise, base_price_paise,
               total_amount_paise, payment_method)
             VALUES ($1, $2, NULL, 'plumbing', 'tap-repair', 'Tap repair', 'Kitchen tap leaking', 60,
               'MG Road, Bengaluru', 12.99, 77.61, 'Asia/Kolkata', $3::timestamptz,
               tstzrange($3::timestamptz, $3::timestamptz + interval '60 minutes', '[)'),
               'service', 29900, 29900, 29900, 'cash')`,
            [customerId, pick(providerIds), `${day} ${hourOf()}:00+05:30`],
          );
          inserted += 1;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code !== '23P01' && code !== '40P01') throw error;
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  await pool.end();
  return inserted / options.duration;
};

const overlapsOf = async (client: pg.Client) => {
  const { rows } = await client.query<{ overlaps: number; active: number }>(
    `SELECT (SELECT count(*)::int FROM bookings a JOIN bookings b
              ON a.provider_id = b.provider_id AND a.id < b.id AND a.slot && b.slot
             WHERE a.status IN ('pending', 'confirmed', 'in_progress')
               AND b.status IN ('pending', 'confirmed', 'in_progress')) AS overlaps,
            (SELECT count(*)::int FROM bookings) AS active`,
  );
  return rows[0]!;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const main = async () => {
  const options = readOptions();
  const budgetMs = (options.rounds * options.duration * 2 + 240) * 1000;
  const cancelWatchdog = startWatchdog(budgetMs, stopLoad);
  note(`fresh database ${DATABASE}`);
  await recreateDatabase(options.pgUrl);
  const url = databaseUrl(options.pgUrl);
  const server = await startChildServer({
    file: 'search-app.ts',
    label: 'app',
    env: {
      ...process.env,
      BENCH_DATABASE_URL: url,
      BENCH_SEARCH_CACHE: 'true',
    },
  });
  const base = `http://${BENCH_HOST}:${server.port}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  note(`seeding ${options.providers} providers and ${options.customers} customers`);
  const { emails, providerIds } = await seed(client, options);
  const tokens = await Promise.all(emails.map((email) => signIn(base, email)));
  const customerId = (
    await client.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [emails[0]])
  ).rows[0]!.id;

  const probe = await fetch(`${base}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
    body: bookingBody(providerIds[0]!),
  });
  if (probe.status !== 201) throw new Error(`probe booking: ${probe.status} ${await probe.text()}`);

  const api: ApiRun[] = [];
  const ceiling: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    note(`round ${round + 1}/${options.rounds}: ceiling`);
    ceiling.push(await measureCeiling(url, providerIds, customerId, options, round));
    note(`round ${round + 1}/${options.rounds}: api`);
    const cpuBefore = (await server.cpuMicros()) ?? 0;
    const run = await measureApi(server.port, tokens, providerIds, options);
    const cpuMicros = ((await server.cpuMicros()) ?? 0) - cpuBefore;
    const created = run.createdPerSecond * options.duration;
    api.push({ ...run, serverCpuMsPerBooking: created ? cpuMicros / 1000 / created : 0 });
  }
  const check = await overlapsOf(client);
  await client.end();
  cancelWatchdog();
  await stopAll();

  const apiRate = median(api.map((run) => run.createdPerSecond));
  const ceilingRate = median(ceiling);
  const ratio = apiRate / ceilingRate;
  write();
  write(
    `bookings bench: ${options.providers} providers, ${options.customers} customers, ${options.connections} connections, ${options.rounds} × ${options.duration} s, ${os.cpus().length} cores`,
  );
  write();
  for (const [i, run] of api.entries())
    write(
      `round ${i + 1}: API ${run.createdPerSecond.toFixed(0)} bookings/s (+${run.conflictsPerSecond.toFixed(0)} 409/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${run.errors} other, app CPU ${run.serverCpuMsPerBooking?.toFixed(2)} ms/booking) | SQL ceiling ${ceiling[i]!.toFixed(0)} inserts/s`,
    );
  write();
  write(
    `API / ceiling: ${apiRate.toFixed(0)} / ${ceilingRate.toFixed(0)} = ${(ratio * 100).toFixed(1)}% (target ≥ ${TARGET * 100}%) ${ratio >= TARGET ? 'MET' : 'NOT MET'}`,
  );
  write(
    `double bookings: ${check.overlaps} overlapping active pairs among ${check.active} bookings ${check.overlaps === 0 ? '(none)' : '(FAILED)'}`,
  );
  await writeResults('bookings', {
    options,
    api,
    ceiling,
    apiPerSecond: apiRate,
    ceilingPerSecond: ceilingRate,
    ratio,
    target: TARGET,
    overlaps: check.overlaps,
    bookings: check.active,
  });
  if (check.overlaps !== 0) process.exitCode = 1;
};

runBench(main, { stopLoad, servers: 'the app' });
