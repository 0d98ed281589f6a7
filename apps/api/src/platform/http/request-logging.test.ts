import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { loggableUrl, requestLogging } from './request-logging';

describe('request log URLs', () => {
  it('when a URL carries a credential in its query, then the value is redacted', () => {
    expect(loggableUrl('/api/auth/oidc/callback?code=s3cret&state=abc')).toBe(
      '/api/auth/oidc/callback?code=[redacted]&state=abc',
    );
  });

  it('when the path itself is a single-use secret, then that segment is redacted', () => {
    expect(loggableUrl('/api/auth/verify-email/abcdefghijklmnopqrstuvwxyz012345')).toBe(
      '/api/auth/verify-email/[redacted]',
    );
    expect(loggableUrl('/verify-email/abcdefghijklmnopqrstuvwxyz012345')).toBe(
      '/verify-email/[redacted]',
    );
  });

  it('when a URL carries nothing secret, then it is logged as it is', () => {
    expect(loggableUrl('/api/search/providers?category=plumbing&state=KA')).toBe(
      '/api/search/providers?category=plumbing&state=KA',
    );
  });
});

/** An app with only the request log, whose lines are kept as parsed objects. */
const loggedApp = () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const app = express();
  app.use(requestLogging(logger));
  app.post('/api/things', express.json(), (req, res) => {
    req.log.info({ thing: 'made' }, 'made a thing');
    res.status(201).json({ success: true });
  });
  app.get('/api/missing', (_req, res) => {
    res.status(404).json({ success: false });
  });
  return { app, lines };
};

describe('request log', () => {
  it('when a request is answered, then one info line has its id, method, redacted URL, status and time, and nothing of its body or headers', async () => {
    const { app, lines } = loggedApp();
    await request(app)
      .post('/api/things?token=s3cret')
      .set('X-Request-Id', 'trace-1')
      .set('Authorization', 'Bearer secret-token')
      .send({ password: 'hunter2' })
      .expect(201);
    await vi.waitFor(() => expect(lines.find((l) => l.msg === 'request completed')).toBeDefined());
    const access = lines.find((l) => l.msg === 'request completed');
    expect(access).toMatchObject({
      level: 30,
      reqId: 'trace-1',
      method: 'POST',
      url: '/api/things?token=[redacted]',
      statusCode: 201,
      responseTime: expect.any(Number),
    });
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|secret-token|s3cret/);
  });

  it('when a handler logs through req.log, then its line carries the request id', async () => {
    const { app, lines } = loggedApp();
    const res = await request(app).post('/api/things').send({}).expect(201);
    const handlerLine = lines.find((l) => l.msg === 'made a thing');
    expect(handlerLine).toMatchObject({ reqId: res.headers['x-request-id'], thing: 'made' });
  });

  it('when the answer is a client error, then the line is a warning', async () => {
    const { app, lines } = loggedApp();
    await request(app).get('/api/missing').expect(404);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toMatchObject({ level: 40, statusCode: 404, url: '/api/missing' });
  });
});
