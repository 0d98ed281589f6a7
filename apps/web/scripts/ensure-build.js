// Builds the web app and the admin panel, each only when its dist is missing or older than its
// sources (its own, or the shared web-kit and contracts), so `npm start` always serves current
// apps and a second start with nothing changed costs no build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = [
  path.join(root, 'packages', 'contracts', 'src'),
  path.join(root, 'packages', 'web-kit', 'src'),
  path.join(root, 'packages', 'web-kit', 'package.json'),
];
const apps = [
  { name: 'the web app', workspace: '@localkart/web', folder: path.join(root, 'apps', 'web') },
  {
    name: 'the admin panel',
    workspace: '@localkart/admin',
    folder: path.join(root, 'apps', 'admin'),
  },
];

const newest = (entry) => {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (latest, name) => Math.max(latest, newest(path.join(entry, name))),
    0,
  );
};

const force = process.argv[2] === '--force';
for (const app of apps) {
  const built = path.join(app.folder, 'dist', 'index.html');
  const sources = [
    ...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((name) =>
      path.join(app.folder, name),
    ),
    ...shared,
  ];
  const sourceTime = Math.max(...sources.map(newest));
  const builtTime = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtTime >= sourceTime && !force) continue;

  process.stdout.write(`Building ${app.name} (${path.relative(root, path.dirname(built))})…\n`);
  const result = spawnSync('npm', ['run', 'build', '--workspace', app.workspace], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
