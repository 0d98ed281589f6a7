// Builds the web app when apps/web/dist is missing or older than its sources, so `npm start`
// always serves the current app and a second start with nothing changed costs no build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(web, '../..');
const built = path.join(web, 'dist', 'index.html');

const newest = (entry) => {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (latest, name) => Math.max(latest, newest(path.join(entry, name))),
    0,
  );
};

const sources = [
  path.join(web, 'src'),
  path.join(web, 'public'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(web, 'package.json'),
  path.join(root, 'packages', 'contracts', 'src'),
];
const sourceTime = Math.max(...sources.map(newest));
const builtTime = existsSync(built) ? statSync(built).mtimeMs : 0;

if (builtTime >= sourceTime && process.argv[2] !== '--force') process.exit(0);

process.stdout.write('Building the web app (apps/web/dist)…\n');
const result = spawnSync('npm', ['run', 'build', '--workspace', '@localkart/web'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
