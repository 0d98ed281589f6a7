import express from 'express';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { serveWebApp } from './web-app';

const builtApp = () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'localkart-web-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>LocalKart</title>');
  writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
  const app = express();
  app.use(serveWebApp(dist));
  app.use((_req, res) => res.status(404).json({ success: false }));
  return app;
};

describe('web app serving', () => {
  it('when a client route is asked for, then the page is sent, uncached', async () => {
    const res = await request(builtApp()).get('/bookings/42').expect(200);
    expect(res.text).toContain('<title>LocalKart</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('when a hashed asset is asked for, then it is sent with a long cache', async () => {
    const res = await request(builtApp()).get('/assets/app-1a2b.js').expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it.each([
    '/api/unknown',
    '/uploads/avatars/x.webp',
    '/private/documents/a.pdf',
    '/assets/missing.js',
    '/favicon-old.png',
    '/health',
  ])('when %s is not a file of the build, then it falls through to the 404', async (url) => {
    await request(builtApp()).get(url).expect(404);
  });

  it('when there is no build, then / leads to the API reference', async () => {
    const app = express();
    app.use(serveWebApp(mkdtempSync(path.join(os.tmpdir(), 'localkart-no-dist-'))));
    await request(app).get('/').expect(302).expect('location', '/api/docs/');
  });
});
