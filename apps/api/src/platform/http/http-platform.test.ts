import { Router } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { AppError, ErrorCode } from '../errors';
import { sendData } from './envelope';

/** Routes that exercise each error path the way a domain module would. */
const exampleRoutes = () => {
  const router = Router();
  const ZBooking = z.strictObject({
    pincode: z.string().regex(/^[1-9]\d{5}$/),
    hours: z.number().int().min(1).max(12),
  });
  router.post('/api/examples', (req, res) => {
    sendData(res, ZBooking.parse(req.body), { status: 201 });
  });
  router.get('/api/examples/conflict', () => {
    throw new AppError(ErrorCode.CONFLICT, 'Slot already taken', { status: 'confirmed' });
  });
  router.get('/api/examples/crash', () => {
    throw new Error('secret internals at /srv/app.ts:42');
  });
  router.get('/api/examples/async-crash', async () => {
    await Promise.resolve();
    throw new TypeError('cannot read properties of undefined');
  });
  return router;
};

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ routers: [exampleRoutes] });
});
afterAll(() => app.close());

const expectErrorEnvelope = (body: unknown, code: string) => {
  expect(body).toMatchObject({ success: false, error: { code, message: expect.any(String) } });
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+|stack/i);
};

describe('HTTP platform', () => {
  it('when pinged, then it answers in the success envelope', async () => {
    const res = await request(app.url).get('/api/ping').expect(200);
    expect(res.body).toEqual({ success: true, data: { pong: true, time: expect.any(String) } });
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('when no request id is sent, then one is made and returned', async () => {
    const res = await request(app.url).get('/api/ping');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when a request id is sent, then the same id comes back; an unsafe one is replaced', async () => {
    const kept = await request(app.url).get('/api/ping').set('X-Request-Id', 'trace-abc.123');
    expect(kept.headers['x-request-id']).toBe('trace-abc.123');
    const replaced = await request(app.url)
      .get('/api/ping')
      .set('X-Request-Id', 'bad id\t<script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the route does not exist, then 404 NOT_FOUND', async () => {
    const res = await request(app.url).get('/api/no-such-thing').expect(404);
    expectErrorEnvelope(res.body, 'NOT_FOUND');
  });

  it('when the body is valid, then the handler sees it parsed', async () => {
    const res = await request(app.url).post('/api/examples').send({ pincode: '560038', hours: 2 });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ pincode: '560038', hours: 2 });
  });

  it('when fields are invalid, then 400 VALIDATION_ERROR with one detail per field', async () => {
    const res = await request(app.url)
      .post('/api/examples')
      .send({ pincode: '012345', hours: 40, role: 'admin' })
      .expect(400);
    expectErrorEnvelope(res.body, 'VALIDATION_ERROR');
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['hours', 'pincode', 'role']);
  });

  it('when the JSON is malformed, then 400 VALIDATION_ERROR', async () => {
    const res = await request(app.url)
      .post('/api/examples')
      .set('Content-Type', 'application/json')
      .send('{"pincode": "560038",')
      .expect(400);
    expectErrorEnvelope(res.body, 'VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/JSON/);
  });

  it('when the body is over 1 MB, then 413', async () => {
    const res = await request(app.url)
      .post('/api/examples')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ pincode: 'x'.repeat(1024 * 1024 + 10) }))
      .expect(413);
    expectErrorEnvelope(res.body, 'PAYLOAD_TOO_LARGE');
  });

  it('when the body is not JSON, then 415', async () => {
    const res = await request(app.url)
      .post('/api/examples')
      .set('Content-Type', 'text/plain')
      .send('pincode=560038')
      .expect(415);
    expectErrorEnvelope(res.body, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when a service throws a domain error, then its code maps to its status with details', async () => {
    const res = await request(app.url).get('/api/examples/conflict').expect(409);
    expect(res.body.error).toEqual({
      code: 'CONFLICT',
      message: 'Slot already taken',
      details: { status: 'confirmed' },
    });
  });

  it('when a handler fails unexpectedly, then 500 with no internals leaked', async () => {
    for (const path of ['/api/examples/crash', '/api/examples/async-crash']) {
      const res = await request(app.url).get(path).expect(500);
      expectErrorEnvelope(res.body, 'INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res.body)).not.toContain('secret');
      expect(JSON.stringify(res.body)).not.toContain('undefined');
    }
  });

  it('when JSON is sent, then the OWASP API headers are set and Express is not named', async () => {
    const res = await request(app.url).get('/api/ping');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('when a page is sent, then its CSP allows only our own origin and no plugins or framing', async () => {
    const res = await request(app.url).get('/api/docs/');
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    // No payment gateway configured: no third-party script or frame is allowed.
    expect(csp).not.toMatch(/razorpay/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  it('when an allowed origin calls, then CORS allows it with credentials; others get no grant', async () => {
    const allowed = await request(app.url).get('/api/ping').set('Origin', 'http://localhost:5173');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await request(app.url).get('/api/ping').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const sameOrigin = await request(app.url).get('/api/ping');
    expect(sameOrigin.headers['access-control-allow-credentials']).toBeUndefined();
    expect(sameOrigin.headers.vary).toMatch(/Origin/);
  });

  it('when Prometheus scrapes /metrics, then requests are counted by route pattern', async () => {
    await request(app.url).get('/api/ping');
    const res = await request(app.url).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/ping",status="200"\} [1-9]/,
    );
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/api\/ping"/);
    expect(res.text).toContain('route="unmatched"');
  });

  it('when the database is up, then /health is 200 with each dependency and its response time', async () => {
    const res = await request(app.url).get('/health').expect(200);
    expect(res.body.data.status).toMatch(/healthy|degraded/);
    expect(res.body.data.checks.database).toMatchObject({
      status: 'healthy',
      kind: app.runtime.database.kind,
      responseTimeMs: expect.any(Number),
    });
    expect(res.body.data.checks.redis.status).toBe(
      app.runtime.cache.kind === 'redis' ? 'healthy' : 'embedded',
    );
    expect(res.body.data.checks.ai).toMatchObject({ status: 'healthy', kind: 'local' });
  });

  it('when the OpenAPI document is fetched, then it is 3.1 and describes the endpoints', async () => {
    const res = await request(app.url).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/api/ping']));
    expect(res.body.components.schemas).toHaveProperty('Health');
  });

  it('when the API reference page is opened, then it is served from our own origin', async () => {
    const res = await request(app.url).get('/api/docs/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('swagger-ui');
    expect(res.text).not.toMatch(/https?:\/\/(?!localhost)[^"']+\.js/);
  });
});

describe('rate limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ env: { RATE_LIMIT_MAX: '3' } });
  });
  afterAll(() => limited.close());

  it('when a client exceeds the limit, then 429 RATE_LIMIT_EXCEEDED; health checks are not limited', async () => {
    for (let i = 0; i < 3; i += 1) await request(limited.url).get('/api/ping').expect(200);
    const res = await request(limited.url).get('/api/ping').expect(429);
    expectErrorEnvelope(res.body, 'RATE_LIMIT_EXCEEDED');
    expect(res.headers['ratelimit']).toBeDefined();
    await request(limited.url).get('/health').expect(200);
  });

  it('when X-Forwarded-For is forged and no proxy is trusted, then the counter is not reset', async () => {
    const res = await request(limited.url).get('/api/ping').set('X-Forwarded-For', '203.0.113.9');
    expect(res.status).toBe(429);
  });
});
