import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, createServer, get, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, findFreePort, getJson } from '../test-support/http';
import { createTestDatabaseUrl, serverRedisUrl } from '../test-support/test-env';
import { shutdownGracefully } from './shutdown';
import { withTimeout } from './timing';

type LogLine = { level: number; msg?: string; [key: string]: unknown };

/** A pino logger whose lines land in `lines`. */
const capturingLogger = () => {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line) => lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
};

/** An app with a quick route, a slow route and one that never answers, on a real port. */
const startServer = async ({ slowMs = 500 }: { slowMs?: number } = {}) => {
  const events: string[] = [];
  let entered: () => void = () => undefined;
  const requestEntered = new Promise<void>((resolve) => (entered = resolve));
  const app = express();
  app.get('/fast', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/slow', (_req, res) => {
    entered();
    res.on('finish', () => events.push('response finished'));
    const timer = setTimeout(() => res.json({ ok: true }), slowMs);
    res.on('close', () => clearTimeout(timer));
  });
  app.get('/never', (_req, res) => {
    entered();
    res.on('close', () => events.push('connection cut'));
  });
  const server = createServer(app);
  // Far longer than any bound below: an idle keep-alive socket must not hold shutdown open.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, events, requestEntered };
};

const request = (port: number, pathname: string, agent: Agent) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: pathname, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    }).on('error', reject);
  });

/** Resolves with the error code a fresh TCP connection gets (`undefined` when it connects). */
const connectionOutcome = (port: number) =>
  new Promise<string | undefined>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  });

describe('shutdownGracefully', () => {
  const servers: Server[] = [];
  const agents: Agent[] = [];

  afterEach(async () => {
    for (const agent of agents.splice(0)) agent.destroy();
    for (const server of servers.splice(0)) {
      if (!server.listening) continue;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('when shutdown starts while a request is in flight, then it completes with 200, new connections are refused and the closers run only afterwards, in order', async () => {
    const { server, port, events, requestEntered } = await startServer({ slowMs: 500 });
    servers.push(server);
    const { logger, lines } = capturingLogger();
    const idleAgent = new Agent({ keepAlive: true });
    const busyAgent = new Agent({ keepAlive: true });
    agents.push(idleAgent, busyAgent);

    // Leaves an idle keep-alive connection open, as browsers and load balancers do.
    expect((await request(port, '/fast', idleAgent)).status).toBe(200);
    const inFlight = request(port, '/slow', busyAgent);
    await requestEntered;

    const shutdown = shutdownGracefully({
      server,
      closers: [
        { name: 'first', close: () => Promise.resolve(void events.push('closer first')) },
        { name: 'second', close: () => Promise.resolve(void events.push('closer second')) },
      ],
      timeoutMs: 10_000,
      logger,
    });

    expect(await connectionOutcome(port)).toBe('ECONNREFUSED');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true });

    await withTimeout(shutdown, 8000, 'shutdown');
    expect(events).toEqual(['response finished', 'closer first', 'closer second']);
    expect(await connectionOutcome(port)).toBe('ECONNREFUSED');
    // Drained, not cut: neither the idle nor the busy keep-alive connection held it open.
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
  });

  it('when a closer fails, then the later closers still run and shutdown still completes', async () => {
    const { server } = await startServer();
    servers.push(server);
    const { logger, lines } = capturingLogger();
    const closed: string[] = [];

    await shutdownGracefully({
      server,
      closers: [
        { name: 'broken', close: () => Promise.reject(new Error('already gone')) },
        { name: 'database', close: () => Promise.resolve(void closed.push('database')) },
      ],
      timeoutMs: 1000,
      logger,
    });

    expect(closed).toEqual(['database']);
    expect(lines.some((line) => line.msg === 'close failed' && line.resource === 'broken')).toBe(
      true,
    );
  });

  it('when a request outlasts timeoutMs, then its connection is cut and shutdown still completes', async () => {
    const { server, port, events, requestEntered } = await startServer();
    servers.push(server);
    const { logger, lines } = capturingLogger();
    const agent = new Agent({ keepAlive: true });
    agents.push(agent);

    const hanging = request(port, '/never', agent);
    hanging.catch(() => undefined);
    await requestEntered;

    await withTimeout(
      shutdownGracefully({
        server,
        closers: [{ name: 'database', close: () => Promise.resolve(void events.push('closer')) }],
        timeoutMs: 300,
        logger,
      }),
      5000,
      'shutdown',
    );

    await expect(hanging).rejects.toThrow(/socket hang up|ECONNRESET/);
    // The route sees its response closed (so it can stop its work); the closers ran regardless.
    await eventually(() => Promise.resolve(expect(events).toContain('connection cut')), {
      timeoutMs: 2000,
      intervalMs: 10,
    });
    expect(events).toContain('closer');
    expect(server.listening).toBe(false);
    expect(
      lines.some((line) => line.level === 40 && line.msg?.includes('did not finish in time')),
    ).toBe(true);
  });
});

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

const waitForExit = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('the server process', () => {
  let child: ChildProcess | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
    child = undefined;
    await dropDatabase?.();
    dropDatabase = undefined;
  });

  it('when it receives SIGTERM, then it shuts down gracefully and exits with code 0', async () => {
    const port = await findFreePort();
    // On the servers' CI pass the process gets a database of its own; otherwise embedded.
    const database = await createTestDatabaseUrl();
    dropDatabase = database.drop;
    const output: string[] = [];
    child = spawn(process.execPath, [tsxCli, 'apps/api/src/server.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        PGLITE_DIR: 'memory://',
        DATABASE_URL: database.url ?? '',
        REDIS_URL: serverRedisUrl ?? '',
        REDIS_PREFIX: `lkt:shutdown-${port}:`,
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
        SHUTDOWN_TIMEOUT_MS: '5000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    const exited = waitForExit(child);

    const exitedEarly = exited.then(({ code }) => {
      throw new Error(`server exited with ${code} before it was healthy:\n${output.join('')}`);
    });
    exitedEarly.catch(() => undefined);
    await Promise.race([
      exitedEarly,
      eventually(
        async () => {
          expect((await getJson(`http://127.0.0.1:${port}/health`, 2000)).status).toBe(200);
        },
        { timeoutMs: 60_000 },
      ),
    ]);

    child.kill('SIGTERM');
    const { code, signal } = await withTimeout(exited, 15_000, 'server exit after SIGTERM');

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const messages = output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as LogLine).msg);
    expect(messages).toContain('shutting down');
    expect(messages).toContain('shutdown complete');
    expect(await connectionOutcome(port)).toBe('ECONNREFUSED');
  }, 90_000);
});
