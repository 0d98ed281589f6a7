import express from 'express';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ADMIN_MOUNT_PATH, serveAdminApp, serveWebApp } from './web-app';

const build = (title: string, asset: string) => {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'localkart-web-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><title>${title}</title>`);
  const script = 'console.log("LocalKart");'.repeat(50);
  writeFileSync(path.join(dist, 'assets', asset), script);
  // As vite-plugin-compression2 leaves them beside each script.
  writeFileSync(path.join(dist, 'assets', `${asset}.br`), brotliCompressSync(script));
  writeFileSync(path.join(dist, 'assets', `${asset}.gz`), gzipSync(script));
  return dist;
};
const emptyDirectory = () => mkdtempSync(path.join(os.tmpdir(), 'localkart-no-dist-'));

/** Both apps mounted as app.ts mounts them, the admin one built or not. */
const builtApp = ({ admin = true } = {}) => {
  const app = express();
  app.use(
    ADMIN_MOUNT_PATH,
    serveAdminApp(admin ? build('LocalKart admin', 'admin-9f8e.js') : emptyDirectory()),
  );
  app.use(serveWebApp(build('LocalKart', 'app-1a2b.js')));
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
    ['br, gzip, deflate', 'br'],
    ['gzip', 'gzip'],
  ])(
    'when the browser accepts %s, then the pre-compressed %s copy is sent, as JavaScript',
    async (accepted, encoding) => {
      const res = await request(builtApp())
        .get('/assets/app-1a2b.js')
        .set('Accept-Encoding', accepted)
        .expect(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/);
      expect(res.headers['cache-control']).toContain('immutable');
      expect(res.text).toBe('console.log("LocalKart");'.repeat(50));
    },
  );

  it('when the browser accepts no compression, then the plain file is sent', async () => {
    const res = await request(builtApp())
      .get('/assets/app-1a2b.js')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe('console.log("LocalKart");'.repeat(50));
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
    app.use(serveWebApp(emptyDirectory()));
    await request(app).get('/').expect(302).expect('location', '/api/docs/');
  });

  it.each(['/admin', '/admin/', '/admin/verification', '/admin/audit-log?entry=1'])(
    'when the admin route %s is asked for, then the admin page is sent, uncached',
    async (url) => {
      const res = await request(builtApp()).get(url).expect(200);
      expect(res.text).toContain('<title>LocalKart admin</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('when an admin asset is asked for, then it is sent with a long cache', async () => {
    const res = await request(builtApp()).get('/admin/assets/admin-9f8e.js').expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it.each(['/admin/assets/app-1a2b.js', '/admin/missing.png', '/administrator'])(
    'when %s is not a file of the admin build, then the admin app does not answer it with its page',
    async (url) => {
      const res = await request(builtApp()).get(url);
      expect(res.text).not.toContain('LocalKart admin');
    },
  );

  it('when the admin app is not built, then /admin is a 404 and never the web app', async () => {
    const app = builtApp({ admin: false });
    for (const url of ['/admin', '/admin/users']) {
      const res = await request(app).get(url).expect(404);
      expect(res.body).toEqual({ success: false });
    }
    await request(app).get('/bookings').expect(200);
  });
});
