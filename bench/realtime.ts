/**
 * Chat over Socket.io (issue 7). `--clients` sockets in pairs, one booking chat per pair (the
 * booking's customer and its provider), each client sending one message a second (random
 * phase) to its partner; the partner's `new-message` closes the measurement. Two targets in
 * their own processes, interleaved over `--rounds`, placed by the scheduler as a deployment's
 * would be (`--pin` puts them on CPU 1 and the load generator on CPU 0, see bench/README.md):
 *
 * - app:  the full app with its gateway (`servers/realtime-app.ts`) on a fresh PostgreSQL
 *         database (`localkart_bench_realtime`): JWT handshakes, room checks, every message
 *         validated, stored, announced on the bus and broadcast;
 * - bare: a bare Socket.io relay of the same events (`servers/bare-socketio.ts`).
 *
 * It prints delivered messages/s, p50/p99 delivery latency, lost messages (acknowledged but
 * never delivered) and the server's CPU per message, and app/bare ratios. Target (one process):
 * 5,000 sockets, p99 < 100 ms, no message lost.
 *
 *   npm run bench:realtime -- [--clients 5000] [--duration 20] [--rounds 1] [--pool 10] [--pin]
 *     [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * The load generator (this process) needs a young generation that starts at its full 64 MB,
 * which `npm run bench:realtime` gives it (`--min-semi-space-size=64`; the servers run with
 * `npm start`'s flags): growing from Node's small initial size it promoted ~10 MB per young
 * collection, and its own collections and mark-compacts, slower on two cores the target keeps
 * busy, were part of every latency it measured (see bench/README.md). Run without it, it says so.
 *
 * Results also go to bench/results/realtime.json.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { createAccessTokens } from '../apps/api/src/modules/auth/access-tokens';
import {
  note,
  pinLoadGenerator,
  runBench,
  startChildServer,
  startWatchdog,
  stopAll,
  write,
  writeResults,
  type ChildServer,
} from './child-server';
import { integerOption } from './cli-options';
import { BENCH_HOST } from './servers/announce';

const DATABASE = 'localkart_bench_realtime';
const TARGET_P99_MS = 100;
const TARGET_CLIENTS = 5000;
const CONNECT_BATCH = 250;
const DRAIN_MS = 5000;

type Options = {
  clients: number;
  duration: number;
  rounds: number;
  pool: number;
  pin: boolean;
  pgUrl: string;
};

const readOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: String(TARGET_CLIENTS) },
      duration: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '1' },
      pool: { type: 'string', default: '10' },
      pin: { type: 'boolean', default: false },
      'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    write(
      'usage: npm run bench:realtime -- [--clients n=5000] [--duration s=20] [--rounds n=1] [--pool n=10] [--pin] [--pg-url url]',
    );
    process.exit(0);
  }
  return {
    clients: integerOption('clients', values.clients, 2, 50_000) & ~1,
    duration: integerOption('duration', values.duration, 2, 600),
    rounds: integerOption('rounds', values.rounds, 1, 20),
    pool: integerOption('pool', values.pool, 1, 500),
    pin: values.pin,
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

type Party = { userId: string; email: string; role: 'customer' | 'provider' };
type Pair = { bookingId: string; customer: Party; provider: Party };

/** `pairs` customers, providers and one pending booking between each customer and provider. */
const seedPairs = async (url: string, pairs: number): Promise<Pair[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (email, first_name, last_name, role)
       SELECT 'bench.rt.' || role || '.' || n || '@bench.localkart.in', 'Bench', initcap(role), role::user_role
       FROM generate_series(1, $1::int) n, unnest(ARRAY['customer', 'provider']) role`,
      [pairs],
    );
    await client.query(
      `INSERT INTO providers (user_id, business_name)
       SELECT id, 'Bench Plumbing' FROM users WHERE role = 'provider'`,
    );
    const { rows } = await client.query<{
      bookingId: string;
      customerId: string;
      customerEmail: string;
      providerUserId: string;
      providerEmail: string;
    }>(
      `WITH c AS (SELECT id, email, split_part(split_part(email, '@', 1), '.', 4)::int AS n FROM users WHERE role = 'customer'),
            p AS (SELECT pr.id, u.id AS user_id, u.email, split_part(split_part(u.email, '@', 1), '.', 4)::int AS n
                  FROM providers pr JOIN users u ON u.id = pr.user_id),
            b AS (
              INSERT INTO bookings (customer_id, provider_id, category_slug, subcategory_slug,
                service_title, description, estimated_duration_minutes, address, latitude, longitude,
                time_zone, preferred_start, slot, unit, unit_price_paise, base_price_paise,
                total_amount_paise, payment_method)
              SELECT c.id, p.id, 'plumbing', 'tap-repair', 'Tap repair', 'Kitchen tap leaking', 60,
                'MG Road, Bengaluru', 12.99, 77.61, 'Asia/Kolkata', now() + interval '2 days',
                tstzrange(now() + interval '2 days', now() + interval '2 days 1 hour'),
                'service', 29900, 29900, 29900, 'cash'
              FROM c JOIN p USING (n)
              RETURNING id, customer_id, provider_id)
       SELECT b.id AS "bookingId", c.id AS "customerId", c.email AS "customerEmail",
              p.user_id AS "providerUserId", p.email AS "providerEmail"
       FROM b JOIN c ON c.id = b.customer_id JOIN p ON p.id = b.provider_id`,
    );
    return rows.map((row) => ({
      bookingId: row.bookingId,
      customer: { userId: row.customerId, email: row.customerEmail, role: 'customer' },
      provider: { userId: row.providerUserId, email: row.providerEmail, role: 'provider' },
    }));
  } finally {
    await client.end();
  }
};

type Client = { socket: Socket; bookingId: string; index: number; partner: number };
type RunResult = {
  clients: number;
  connected: number;
  sentPerSecond: number;
  deliveredPerSecond: number;
  lost: number;
  refused: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuMsPerMessage?: number;
  /** Why sends were refused: error codes of the acknowledgements, or `timeout`. */
  refusals: Record<string, number>;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const connect = (url: string, token: string): Promise<Socket> => {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
    auth: { token },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
};

let stopLoad = () => undefined as void;

/** Connects every client, joins the rooms, runs the send phase, waits for stragglers. */
const measure = async (
  server: ChildServer,
  pairs: Pair[],
  tokens: Map<string, string>,
  options: Options,
): Promise<RunResult> => {
  const url = `http://${BENCH_HOST}:${server.port}`;
  const parties = pairs.flatMap((pair) => [pair.customer, pair.provider]);
  const clients: Client[] = [];
  for (let start = 0; start < parties.length; start += CONNECT_BATCH) {
    const batch = parties.slice(start, start + CONNECT_BATCH);
    const sockets = await Promise.all(
      batch.map((party) => connect(url, tokens.get(party.userId)!)),
    );
    const batchClients = sockets.map((socket, offset) => {
      const index = start + offset;
      return { socket, index, partner: index ^ 1, bookingId: pairs[index >> 1]!.bookingId };
    });
    // Clients arrive in waves, as after a deploy: each wave connects and joins its chats.
    await Promise.all(
      batchClients.map(async ({ socket, bookingId }) => {
        const answer = (await socket
          .timeout(30_000)
          .emitWithAck('join-booking', { bookingId })) as { success: boolean };
        if (!answer.success) throw new Error(`join-booking refused: ${JSON.stringify(answer)}`);
      }),
    );
    clients.push(...batchClients);
  }

  const pending = new Map<string, { sentAt: number; receiver: number; acked: boolean }>();
  const latencies: number[] = [];
  let acked = 0;
  let refused = 0;
  const refusals: Record<string, number> = {};
  const refuse = (reason: string) => {
    refused += 1;
    refusals[reason] = (refusals[reason] ?? 0) + 1;
  };
  for (const client of clients) {
    client.socket.on('new-message', (message: { clientId?: string | null }) => {
      const entry = message.clientId ? pending.get(message.clientId) : undefined;
      if (!entry || entry.receiver !== client.index) return;
      latencies.push(performance.now() - entry.sentAt);
      pending.delete(message.clientId!);
    });
  }
  const cpuBefore = await server.cpuMicros();
  const timers: NodeJS.Timeout[] = [];
  const send = (client: Client) => {
    const clientId = randomUUID();
    pending.set(clientId, { sentAt: performance.now(), receiver: client.partner, acked: false });
    client.socket
      .timeout(30_000)
      .emitWithAck('send-message', {
        bookingId: client.bookingId,
        content: 'Bench message: is 10 am fine?',
        clientId,
      })
      .then(
        (answer: { success: boolean; error?: { code: string } }) => {
          if (answer.success) {
            acked += 1;
            const entry = pending.get(clientId);
            if (entry) entry.acked = true;
          } else {
            refuse(answer.error?.code ?? 'unknown');
            pending.delete(clientId);
          }
        },
        () => {
          refuse('timeout');
          pending.delete(clientId);
        },
      );
  };
  const stopSending = () => {
    for (const timer of timers) clearTimeout(timer);
  };
  stopLoad = stopSending;
  for (const client of clients) {
    const start = setTimeout(() => {
      send(client);
      timers.push(setInterval(() => send(client), 1000));
    }, Math.random() * 1000);
    timers.push(start);
  }
  await new Promise((resolve) => setTimeout(resolve, options.duration * 1000));
  stopSending();
  const drainUntil = Date.now() + DRAIN_MS;
  while (pending.size > 0 && Date.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const cpuAfter = await server.cpuMicros();
  const lost = [...pending.values()].filter((entry) => entry.acked).length;
  for (const { socket } of clients) socket.close();
  latencies.sort((a, b) => a - b);
  return {
    clients: parties.length,
    connected: clients.length,
    sentPerSecond: acked / options.duration,
    deliveredPerSecond: latencies.length / options.duration,
    lost,
    refused,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    refusals,
    ...(cpuBefore !== undefined && cpuAfter !== undefined && latencies.length > 0
      ? { serverCpuMsPerMessage: (cpuAfter - cpuBefore) / 1000 / latencies.length }
      : {}),
  };
};

const row = (label: string, r: RunResult) =>
  `| ${label.padEnd(5)} | ${String(r.connected).padStart(6)} | ${r.sentPerSecond.toFixed(0).padStart(6)} | ${r.deliveredPerSecond.toFixed(0).padStart(9)} | ${String(r.lost).padStart(4)} | ${String(r.refused).padStart(7)} | ${r.p50Ms.toFixed(1).padStart(6)} | ${r.p99Ms.toFixed(1).padStart(6)} | ${(r.serverCpuMsPerMessage?.toFixed(3) ?? '—').padStart(10)} |`;

/** Whether this process was started with the young generation `npm run bench:realtime` gives it. */
const hasLargeYoungGeneration = () =>
  process.execArgv.some((flag) => flag.startsWith('--min-semi-space-size'));

const main = async () => {
  const options = readOptions();
  if (!hasLargeYoungGeneration())
    note('the load generator runs with the default young generation: its own GC pauses count');
  const budgetMs = (options.rounds * (options.duration + DRAIN_MS / 1000 + 60) * 2 + 300) * 1000;
  const cancelWatchdog = startWatchdog(budgetMs, () => stopLoad());
  const pinned = options.pin && pinLoadGenerator();
  note(
    pinned
      ? 'load generator on CPU 0, servers on CPU 1'
      : 'not pinned: the scheduler places the servers, their threads, PostgreSQL and the load generator',
  );
  note(`fresh database ${DATABASE}`);
  await recreateDatabase(options.pgUrl);
  const url = databaseUrl(options.pgUrl);
  const jwtSecret = randomBytes(32).toString('base64url');
  const app = await startChildServer({
    file: 'realtime-app.ts',
    label: 'app',
    pin: pinned,
    env: {
      ...process.env,
      BENCH_DATABASE_URL: url,
      BENCH_DB_POOL_MAX: String(options.pool),
      BENCH_JWT_SECRET: jwtSecret,
      BENCH_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    },
  });
  const bare = await startChildServer({ file: 'bare-socketio.ts', label: 'bare', pin: pinned });
  note(`seeding ${options.clients / 2} chats (the app migrated the database at start)`);
  const pairs = await seedPairs(url, options.clients / 2);
  // Signed after the users exist: a token older than its user's tokens_valid_after is refused.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const signer = createAccessTokens({
    JWT_SECRET: jwtSecret,
    APP_URL: 'http://localhost:3000',
    ACCESS_TOKEN_TTL_SECONDS: 900,
  });
  const tokens = new Map<string, string>();
  for (const party of pairs.flatMap((pair) => [pair.customer, pair.provider])) {
    tokens.set(party.userId, await signer.sign(party));
  }

  const runs: { round: number; target: string; result: RunResult }[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const [target, server] of [
      ['bare', bare],
      ['app', app],
    ] as const) {
      note(`round ${round}: ${target}, ${options.clients} sockets for ${options.duration} s`);
      runs.push({ round, target, result: await measure(server, pairs, tokens, options) });
    }
  }
  cancelWatchdog();
  await stopAll();

  write();
  write(
    `Chat: ${options.clients} sockets in ${options.clients / 2} booking chats, 1 message/s each, ${options.duration} s per run`,
  );
  write();
  write(
    '| run   | socket | sent/s | delivered/s | lost | refused | p50 ms | p99 ms | CPU ms/msg |',
  );
  write(
    '| ----- | ------ | ------ | ----------- | ---- | ------- | ------ | ------ | ---------- |',
  );
  for (const { round, target, result } of runs) write(row(`${target}${round}`, result));
  for (const { round, target, result } of runs.filter((run) => run.result.refused > 0))
    write(`refused in ${target}${round}: ${JSON.stringify(result.refusals)}`);
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const of = (target: string) => runs.filter((r) => r.target === target).map((r) => r.result);
  const appRuns = of('app');
  const bareRuns = of('bare');
  const appDelivered = median(appRuns.map((r) => r.deliveredPerSecond));
  const bareDelivered = median(bareRuns.map((r) => r.deliveredPerSecond));
  const appP99 = median(appRuns.map((r) => r.p99Ms));
  const bareP99 = median(bareRuns.map((r) => r.p99Ms));
  const lost = appRuns.reduce((sum, r) => sum + r.lost, 0);
  write();
  write(
    `app / bare delivered/s: ${((appDelivered / bareDelivered) * 100).toFixed(1)}%; p99 ${appP99.toFixed(1)} ms vs ${bareP99.toFixed(1)} ms (${(appP99 / bareP99).toFixed(1)}×)`,
  );
  const pass = options.clients >= TARGET_CLIENTS && appP99 < TARGET_P99_MS && lost === 0;
  write(
    `target (${TARGET_CLIENTS} sockets, p99 < ${TARGET_P99_MS} ms, no lost message): ${pass ? 'PASS' : 'FAIL'} (app p99 ${appP99.toFixed(1)} ms, lost ${lost})`,
  );
  await writeResults('realtime', { options, pinned, runs });
};

runBench(main, { stopLoad: () => stopLoad(), servers: 'the app and the bare Socket.io server' });
