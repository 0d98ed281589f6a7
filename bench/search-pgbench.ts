/**
 * pgbench runs for `bench/search.ts`: the scripts go to a temporary directory, every
 * transaction's latency is logged (`-l`) and read back for p50/p99, throughput is pgbench's own
 * `tps` (without connection time). The API's statements go as named prepared statements, as
 * node-postgres sends them (`queryPreparedRows`); the naive query as unnamed ones.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PgbenchScript } from './search-sql';

export type PgbenchTarget = { host: string; port: number; user: string; database: string };
export type PgbenchResult = {
  tps: number;
  transactions: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
};

let running: ChildProcess | undefined;
export const stopPgbench = () => running?.kill('SIGINT');

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
    : 0;

/** How pgbench sends its statements: `prepared` names them (as `queryPreparedRows` does). */
export type PgbenchProtocol = 'prepared' | 'extended';

export const writeScripts = async (scripts: PgbenchScript[], protocol: PgbenchProtocol) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'localkart-bench-pgbench-'));
  const files = await Promise.all(
    scripts.map(async ({ name, text }) => {
      const file = path.join(dir, `${name}.sql`);
      await writeFile(file, text);
      return file;
    }),
  );
  return { dir, files, protocol, remove: () => rm(dir, { recursive: true, force: true }) };
};

export const runPgbench = async ({
  target,
  files,
  protocol,
  clients,
  seconds,
  logDir,
}: {
  target: PgbenchTarget;
  files: string[];
  protocol: PgbenchProtocol;
  clients: number;
  seconds: number;
  logDir: string;
}): Promise<PgbenchResult> => {
  const prefix = path.join(logDir, `run-${Date.now()}`);
  const args = [
    '-n',
    '-M',
    protocol,
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-T',
    String(seconds),
    '-l',
    `--log-prefix=${prefix}`,
    ...files.flatMap((file) => ['-f', `${file}@1`]),
    '-h',
    target.host,
    '-p',
    String(target.port),
    '-U',
    target.user,
    target.database,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running = child;
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr
      .setEncoding('utf8')
      .on('data', (chunk: string) => (err = (err + chunk).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code) => {
      running = undefined;
      if (code === 0) resolve(out);
      else reject(new Error(`pgbench exited with ${code}\n${err}`));
    });
  });
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? Number.NaN);
  const latencies: number[] = [];
  for (const name of await readdir(logDir)) {
    if (!name.startsWith(path.basename(prefix))) continue;
    const text = await readFile(path.join(logDir, name), 'utf8');
    for (const line of text.split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (Number.isFinite(micros) && line) latencies.push(micros / 1000);
    }
    await rm(path.join(logDir, name));
  }
  latencies.sort((a, b) => a - b);
  return {
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    transactions: number(/number of transactions actually processed: (\d+)/),
    failed: number(/number of failed transactions: (\d+)/) || 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
};
