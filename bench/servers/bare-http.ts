import { createServer } from 'node:http';
import { listenAndAnnounce } from './announce';

/** Baseline 1: `node:http` alone, answering the same envelope as the app's `GET /api/ping`. */
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/ping') {
    const body = JSON.stringify({
      success: true,
      data: { pong: true, time: new Date().toISOString() },
    });
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
    return;
  }
  res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end('{"success":false}');
});

listenAndAnnounce(server);
