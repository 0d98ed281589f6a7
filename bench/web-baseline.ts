/**
 * The baselines `bench/web.ts` measures in the same run as the app, from a bare `node:http`
 * server in the bench's own process on loopback:
 *
 * - `/static`: the app's home page as Chromium rendered it, saved as markup with its scripts and
 *   module preloads taken out, with the app's stylesheet: the same page with no JavaScript, the
 *   floor for what the app shows first.
 * - `/search`: a page with one inline script that fetches the search answer the app gave (sent
 *   as stored, from this server, at the app's API path) and turns its providers into article
 *   cards with plain DOM calls: the floor cost of turning that JSON into visible results here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BENCH_HOST } from './servers/announce';

export type Baseline = { url: string; close: () => Promise<void> };

/** The rendered page without what would run or load code. */
export const withoutScripts = (html: string) =>
  html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '');

/** The cards' content, as the app's provider card shows it (name, rating, distance, summary). */
const SEARCH_SCRIPT = (apiUrl: string) => `
fetch(${JSON.stringify(apiUrl)}).then((response) => response.json()).then((body) => {
  const list = document.getElementById('results');
  for (const provider of body.data.providers) {
    const card = document.createElement('article');
    card.dataset.testid = 'provider-card';
    card.className = 'rounded-2xl border border-slate-200 bg-white p-4 shadow-sm';
    const name = document.createElement('h3');
    name.textContent = provider.businessName;
    const facts = document.createElement('p');
    facts.textContent = provider.rating.average.toFixed(1) + ' (' + provider.rating.count + ') · ' +
      provider.distanceKm.toFixed(1) + ' km · ' + provider.city;
    const summary = document.createElement('p');
    summary.textContent = provider.summary;
    card.append(name, facts, summary);
    list.append(card);
  }
});`;

const searchPage = (apiUrl: string, stylesheets: string[]) =>
  '<!doctype html><html lang="en"><head><meta charset="UTF-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1.0">' +
  `<title>Baseline search</title>${stylesheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('')}</head>` +
  '<body><main id="results" class="space-y-3"></main>' +
  `<script>${SEARCH_SCRIPT(apiUrl)}</script></body></html>`;

/**
 * Serves the baseline pages; `stylesheets` (the app's, at the app's paths) with them, and
 * `apiUrl` (path and query) answers with `searchAnswer`.
 */
export const startBaseline = async ({
  renderedHome,
  stylesheets,
  apiUrl,
  searchAnswer,
}: {
  renderedHome: string;
  stylesheets: Map<string, Buffer>;
  apiUrl: string;
  searchAnswer: Buffer;
}): Promise<Baseline> => {
  const pages = new Map<string, { type: string; body: Buffer }>([
    ['/static', { type: 'text/html', body: Buffer.from(withoutScripts(renderedHome)) }],
    [
      '/search',
      { type: 'text/html', body: Buffer.from(searchPage(apiUrl, [...stylesheets.keys()])) },
    ],
    [apiUrl, { type: 'application/json', body: searchAnswer }],
    ...[...stylesheets].map(([path, body]) => [path, { type: 'text/css', body }] as const),
  ]);
  const server: Server = createServer((request, response) => {
    const page = pages.get(request.url ?? '');
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, {
        'content-type': `${page.type}; charset=utf-8`,
        'content-length': page.body.byteLength,
        'cache-control': 'no-store',
      })
      .end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, BENCH_HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${BENCH_HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
