import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export const freePort = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

/** The embedded defaults, as `npm start` on a fresh clone: no database or Redis server. */
const withoutServers = (env: NodeJS.ProcessEnv) => {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...rest } = env;
  return rest;
};

export type RunningApp = { url: string; stop: () => Promise<void> };

/**
 * The product as `npm start` runs it: the web app built if stale, then the API serving it on a
 * free port with an embedded database of its own (no demo data unless `env` asks for it: the
 * test makes its own accounts). `env` adds to or overrides the server's environment.
 */
export const startApp = async ({
  env = {},
  port: wantedPort,
}: {
  env?: NodeJS.ProcessEnv;
  /** A port chosen beforehand (`freePort`), when another server must know the app's address. */
  port?: number;
} = {}): Promise<RunningApp> => {
  const build = spawnSync(process.execPath, ['apps/web/scripts/ensure-build.js'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('web app build failed');
  const port = wantedPort ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'localkart-e2e-'));
  const url = `http://localhost:${port}`;
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/api/src/server.ts'],
    {
      cwd: root,
      env: {
        ...withoutServers(process.env),
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        APP_URL: url,
        CORS_ORIGINS: url,
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the app did not become healthy in 120 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
