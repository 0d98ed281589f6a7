import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import express from 'express';
import { listenAndAnnounce } from './announce';

/**
 * Baseline 2: Express 5 with no middleware, answering the same envelope as `GET /api/ping`.
 * With `BENCH_SEARCH_RESPONSE=<file>` it also answers `GET /api/search/providers` (any query)
 * with that JSON, held in memory and serialised per request as a bare endpoint would: the
 * baseline for the search bench's cached path, which must send the same bytes.
 */
const app = express();
app.disable('x-powered-by');
app.get('/api/ping', (_req, res) => {
  res.status(200).json({ success: true, data: { pong: true, time: new Date().toISOString() } });
});
const searchResponseFile = process.env.BENCH_SEARCH_RESPONSE;
if (searchResponseFile) {
  const page: unknown = JSON.parse(readFileSync(searchResponseFile, 'utf8'));
  app.get('/api/search/providers', (_req, res) => {
    res.status(200).json(page);
  });
}

listenAndAnnounce(createServer(app));
