import { createServer } from 'node:http';
import express from 'express';
import { listenAndAnnounce } from './announce';

/** Baseline 2: Express 5 with no middleware, answering the same envelope as `GET /api/ping`. */
const app = express();
app.disable('x-powered-by');
app.get('/api/ping', (_req, res) => {
  res.status(200).json({ success: true, data: { pong: true, time: new Date().toISOString() } });
});

listenAndAnnounce(createServer(app));
