/**
 * The web app's performance targets (issue 8), on the product as `npm start` runs it (the built
 * web app served by the API, embedded database with demo data) in Debian's Chromium:
 *
 * 1. First page JavaScript: every script `/` loads until the network is idle (entry,
 *    modulepreloads, lazy route chunks), gzipped by the bench at level 9, against the 200 KB
 *    budget; stylesheets reported alongside.
 * 2. Lighthouse's performance score of `/` and of a baseline page, and the core web vitals as the
 *    page's own PerformanceObservers see them on a phone-sized screen with the CPU slowed 4× over
 *    CDP, app against baseline. The baseline is the home page as Chromium rendered it, saved as
 *    static markup without scripts (same stylesheet), served from a bare node:http server in
 *    this process: the same page with no JavaScript.
 * 3. Search results: the time from the search API answer's responseEnd (Resource Timing) to the
 *    frame showing the first result card, against the 1 s target, with the same measured on a
 *    plain-DOM page rendering the same answer as the baseline.
 *
 *   npm run bench:web -- [--vitals-runs 5] [--search-runs 10] [--lighthouse-runs 3]
 *                        [--cpu-throttle 4] [--users 1000] [--search '/?lat=12.9716&lng=77.5946']
 *
 * Always exits 0 after a completed run (it is a measurement, not a test); results also go to
 * bench/results/web.json.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { startApp } from '../apps/web/e2e/server';
import {
  note,
  runBench,
  startWatchdog,
  stopWithChildren,
  write,
  writeResults,
} from './child-server';
import { integerOption } from './cli-options';
import { startBaseline } from './web-baseline';
import { runLighthouse, type LighthouseRun } from './web-lighthouse';
import {
  captureSearchAnswer,
  CHROMIUM_ARGS,
  firstPageAssets,
  measureSearchRender,
  measureVitals,
  type Asset,
  type SearchRender,
  type Vitals,
} from './web-probes';

/** Kilobytes as Vite reports them: 1 KB = 1,000 bytes. */
const KB = 1000;
const FIRST_PAGE_JS_BUDGET_KB = 200;
const SEARCH_RENDER_TARGET_MS = 1000;
const SEARCH_API_PATH = '/api/search/providers';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET_MS = 30 * 60_000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Options = {
  vitalsRuns: number;
  searchRuns: number;
  lighthouseRuns: number;
  cpuThrottle: number;
  users: number;
  search: string;
};

const parseOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      'vitals-runs': { type: 'string', default: '5' },
      'search-runs': { type: 'string', default: '10' },
      'lighthouse-runs': { type: 'string', default: '3' },
      'cpu-throttle': { type: 'string', default: '4' },
      users: { type: 'string', default: '1000' },
      // Everything within 20 km of MG Road, Bengaluru: a full first page with the demo data.
      search: { type: 'string', default: '/?lat=12.9716&lng=77.5946' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    write(
      'usage: npm run bench:web -- [--vitals-runs n=5] [--search-runs n=10] ' +
        "[--lighthouse-runs n=3 (0: none)] [--cpu-throttle x=4] [--users n=1000] [--search '/?…']",
    );
    process.exit(0);
  }
  if (!values.search.startsWith('/')) throw new Error('--search must be a path, e.g. /?lat=…');
  return {
    vitalsRuns: integerOption('vitals-runs', values['vitals-runs'], 1, 50),
    searchRuns: integerOption('search-runs', values['search-runs'], 1, 100),
    lighthouseRuns: integerOption('lighthouse-runs', values['lighthouse-runs'], 0, 10),
    cpuThrottle: integerOption('cpu-throttle', values['cpu-throttle'], 1, 20),
    users: integerOption('users', values.users, 50, 100_000),
    search: values.search,
  };
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
/** Nearest rank: with 10 runs, p95 is the slowest. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const medianOf = <T, K extends keyof T>(runs: T[], key: K) =>
  median(runs.map((run) => Number(run[key])));

const kb = (bytes: number) => (bytes / KB).toFixed(1);
const ms = (value: number) => value.toFixed(0);
const ratio = (a: number, b: number) => (b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const pad = (text: string, width: number) => text.padEnd(width);
const num = (text: string, width: number) => text.padStart(width);

/** Builds apps/web/dist if stale, its output on stderr so stdout stays the report. */
const ensureBuild = () => {
  const build = spawnSync(process.execPath, ['apps/web/scripts/ensure-build.js'], {
    cwd: repoRoot,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) throw new Error('web app build failed');
};

const chromiumVersion = (browser: Browser) => `Chromium ${browser.version()}`;

const printAssets = (assets: Asset[], kind: Asset['kind']) => {
  const list = assets.filter((asset) => asset.kind === kind);
  write(`  ${pad('file', 58)}${num('raw KB', 9)}${num('gzip KB', 9)}`);
  for (const asset of list) {
    write(`  ${pad(asset.url, 58)}${num(kb(asset.bytes), 9)}${num(kb(asset.gzipBytes), 9)}`);
  }
  const raw = list.reduce((sum, asset) => sum + asset.bytes, 0);
  const gzip = list.reduce((sum, asset) => sum + asset.gzipBytes, 0);
  write(`  ${pad(`total (${list.length} files)`, 58)}${num(kb(raw), 9)}${num(kb(gzip), 9)}`);
  return { raw, gzip };
};

const printVitals = (label: string, app: Vitals[], base: Vitals[]) => {
  write(`  ${pad(label, 22)}${num('app', 9)}${num('baseline', 10)}${num('app/base', 10)}`);
  const row = (name: string, key: keyof Vitals, format: (value: number) => string) => {
    const a = medianOf(app, key);
    const b = medianOf(base, key);
    write(`  ${pad(name, 22)}${num(format(a), 9)}${num(format(b), 10)}${num(ratio(a, b), 10)}`);
  };
  row('FCP ms', 'fcpMs', ms);
  row('LCP ms', 'lcpMs', ms);
  row('total blocking ms', 'tbtMs', ms);
  row('CLS', 'cls', (value) => value.toFixed(3));
  row('load event ms', 'loadMs', ms);
};

const printLighthouse = (app: LighthouseRun[], base: LighthouseRun[]) => {
  write(`  ${pad('median', 22)}${num('app', 9)}${num('baseline', 10)}${num('app/base', 10)}`);
  const row = (name: string, key: keyof LighthouseRun, format: (value: number) => string) => {
    const a = medianOf(app, key);
    const b = medianOf(base, key);
    write(`  ${pad(name, 22)}${num(format(a), 9)}${num(format(b), 10)}${num(ratio(a, b), 10)}`);
  };
  row('performance score', 'score', (value) => value.toFixed(0));
  row('FCP ms', 'fcpMs', ms);
  row('LCP ms', 'lcpMs', ms);
  row('total blocking ms', 'tbtMs', ms);
  row('CLS', 'cls', (value) => value.toFixed(3));
  row('speed index ms', 'speedIndexMs', ms);
  write(
    `  scores per run: app ${app.map((run) => run.score.toFixed(0)).join(', ')}; baseline ${base.map((run) => run.score.toFixed(0)).join(', ')}`,
  );
};

const main = async () => {
  const options = parseOptions();
  const stopWatchdog = startWatchdog(BUDGET_MS, () => undefined);

  ensureBuild();
  note(`starting the app with ${options.users} demo users (embedded database, seeded on start)`);
  const app = await startApp({
    env: {
      SEED_DEMO_DATA: 'true',
      SEED_DEMO_USERS: String(options.users),
      LOG_LEVEL: 'error',
    },
  });
  stopWithChildren(app.stop);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  stopWithChildren(() => browser.close());
  const home = `${app.url}/`;
  const searchUrl = `${app.url}${options.search}`;

  note('first page: scripts and stylesheets of /');
  const { assets, rendered } = await firstPageAssets(browser, home);
  const stylesheets = new Map(
    await Promise.all(
      assets
        .filter((asset) => asset.kind === 'css')
        .map(
          async (asset) =>
            [
              asset.url,
              Buffer.from(await (await fetch(app.url + asset.url)).arrayBuffer()),
            ] as const,
        ),
    ),
  );

  note(`search page: ${options.search}`);
  const searchAssets = (await firstPageAssets(browser, searchUrl)).assets;
  const answer = await captureSearchAnswer(browser, searchUrl, SEARCH_API_PATH);
  if (answer.cards === 0) throw new Error(`${options.search} shows no results with this demo data`);
  const baseline = await startBaseline({
    renderedHome: rendered,
    stylesheets,
    apiUrl: answer.apiUrl,
    searchAnswer: answer.body,
  });
  stopWithChildren(baseline.close);

  // Interleaved, the order flipped every round, so drift on a shared machine hits both sides.
  const vitals = { app: [] as Vitals[], baseline: [] as Vitals[] };
  const search = { app: [] as SearchRender[], baseline: [] as SearchRender[] };
  const rounds = Math.max(options.vitalsRuns, options.searchRuns);
  for (let round = 0; round < rounds; round += 1) {
    note(`round ${round + 1}/${rounds}`);
    const sides = round % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
    for (const side of sides) {
      if (round < options.vitalsRuns) {
        const url = side === 'app' ? home : `${baseline.url}/static`;
        vitals[side].push(await measureVitals(browser, url, options.cpuThrottle));
      }
      if (round < options.searchRuns) {
        const url = side === 'app' ? searchUrl : `${baseline.url}/search`;
        search[side].push(
          await measureSearchRender(browser, url, SEARCH_API_PATH, options.cpuThrottle),
        );
      }
    }
  }

  const lighthouse = { app: [] as LighthouseRun[], baseline: [] as LighthouseRun[] };
  let lighthouseError: string | undefined;
  for (let run = 0; run < options.lighthouseRuns && lighthouseError === undefined; run += 1) {
    note(`Lighthouse run ${run + 1}/${options.lighthouseRuns}`);
    try {
      lighthouse.app.push(await runLighthouse(home, CHROMIUM_PATH));
      lighthouse.baseline.push(await runLighthouse(`${baseline.url}/static`, CHROMIUM_PATH));
    } catch (error) {
      lighthouseError = error instanceof Error ? error.message : String(error);
      note(`Lighthouse failed, reporting the PerformanceObserver figures only: ${lighthouseError}`);
    }
  }

  stopWatchdog();
  const [load1, load5] = os.loadavg();
  write();
  write(
    `LocalKart web app (${new Date().toISOString()}, ${chromiumVersion(browser)}, ` +
      `${os.availableParallelism()} cores, load average ${load1?.toFixed(1)} / ${load5?.toFixed(1)})`,
  );

  write();
  write('First page JavaScript: GET / in a fresh context, cache off, until the network is idle;');
  write('each body gzipped by the bench (zlib level 9, as a precompressing static server would).');
  const js = printAssets(assets, 'js');
  const jsRatio = js.gzip / (FIRST_PAGE_JS_BUDGET_KB * KB);
  write(
    `  ${kb(js.gzip)} KB gzipped against the ${FIRST_PAGE_JS_BUDGET_KB} KB budget: ` +
      `${(jsRatio * 100).toFixed(0)}% (${verdict(jsRatio <= 1)})`,
  );
  write('First page CSS (report only):');
  const cssTotals = printAssets(assets, 'css');
  const searchJs = searchAssets.filter((asset) => asset.kind === 'js');
  const searchJsGzip = searchJs.reduce((sum, asset) => sum + asset.gzipBytes, 0);
  write(
    `Search page ${options.search} opened directly (report only): ${kb(searchJsGzip)} KB of ` +
      `JavaScript gzipped in ${searchJs.length} files, with the results map's code.`,
  );

  write();
  write(
    `Core web vitals (own measurement: PerformanceObserver in the page, ${options.vitalsRuns} ` +
      `runs each, 412×823 phone screen, CPU ${options.cpuThrottle}× slower over CDP, no network ` +
      'throttling). Baseline: the home page as rendered, saved as static markup with the app ' +
      'stylesheet and no JavaScript, from a bare node:http server in the bench.',
  );
  printVitals('median', vitals.app, vitals.baseline);

  write();
  if (lighthouse.app.length > 0 && lighthouse.baseline.length > 0) {
    write(
      `Lighthouse ${lighthouse.app[0]?.version ?? ''} performance category (mobile preset, simulated slow 4G ` +
        `and 4× CPU), ${lighthouse.app.length} runs each, same baseline page:`,
    );
    printLighthouse(lighthouse.app, lighthouse.baseline);
  } else {
    write(
      options.lighthouseRuns === 0
        ? 'Lighthouse: not run (--lighthouse-runs 0).'
        : `Lighthouse: failed (${lighthouseError ?? 'no result'}); see the vitals above.`,
    );
  }

  const renders = search.app.map((run) => run.renderMs);
  const baseRenders = search.baseline.map((run) => run.renderMs);
  const renderMedian = median(renders);
  const renderP95 = percentile(renders, 95);
  write();
  write(
    `Search results (${options.search}, ${answer.cards} cards, ${options.searchRuns} fresh ` +
      `navigations each, same phone and CPU ${options.cpuThrottle}×): from the ${SEARCH_API_PATH} ` +
      "answer's responseEnd to the frame showing the first cards.",
  );
  write(`  ${pad('', 22)}${num('median', 9)}${num('p95', 9)}${num('in DOM', 9)}${num('API', 9)}`);
  for (const [label, runs] of [
    ['app (React)', search.app],
    ['baseline (plain DOM)', search.baseline],
  ] as const) {
    const values = runs.map((run) => run.renderMs);
    write(
      `  ${pad(label, 22)}${num(ms(median(values)), 9)}${num(ms(percentile(values, 95)), 9)}` +
        `${num(ms(medianOf(runs, 'domMs')), 9)}${num(ms(medianOf(runs, 'apiMs')), 9)}`,
    );
  }
  write(
    `  median ${ms(renderMedian)} ms, p95 ${ms(renderP95)} ms against the ` +
      `${SEARCH_RENDER_TARGET_MS} ms target: ${(renderP95 / SEARCH_RENDER_TARGET_MS).toFixed(2)} ` +
      `of it at p95 (${verdict(renderP95 < SEARCH_RENDER_TARGET_MS)}); app/baseline median ` +
      ratio(renderMedian, median(baseRenders)),
  );

  await writeResults('web', {
    at: new Date().toISOString(),
    chromium: browser.version(),
    cores: os.availableParallelism(),
    loadAverage: os.loadavg(),
    options,
    firstPage: {
      assets,
      jsGzipBytes: js.gzip,
      jsRawBytes: js.raw,
      cssGzipBytes: cssTotals.gzip,
      budgetBytes: FIRST_PAGE_JS_BUDGET_KB * KB,
      ratioToBudget: jsRatio,
    },
    searchPage: { assets: searchAssets, jsGzipBytes: searchJsGzip },
    vitals,
    lighthouse: { ...lighthouse, error: lighthouseError },
    search: {
      page: options.search,
      apiUrl: answer.apiUrl,
      cards: answer.cards,
      targetMs: SEARCH_RENDER_TARGET_MS,
      medianMs: renderMedian,
      p95Ms: renderP95,
      baselineMedianMs: median(baseRenders),
      runs: search,
    },
  });
  await browser.close();
  await baseline.close();
  await app.stop();
};

runBench(main, { stopLoad: () => undefined, servers: 'the app, the baseline and Chromium' });
