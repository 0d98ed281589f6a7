import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { json } from './json-response';

const appAnswering = (status: number, body: unknown, contentType?: string) => {
  const app = express();
  app.response.json = json;
  app.all('/x', (_req, res) => {
    if (contentType) res.setHeader('Content-Type', contentType);
    res.status(status).json(body);
  });
  return app;
};

describe('json', () => {
  it('when a body is sent, then it arrives as UTF-8 JSON with its byte length', async () => {
    const body = { success: true, data: { name: 'नमस्ते', long: 'x'.repeat(2_000) } };
    const response = await request(appAnswering(201, body)).get('/x');
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-length']).toBe(
      String(Buffer.byteLength(JSON.stringify(body))),
    );
    expect(response.body).toEqual(body);
  });

  it('when the request is HEAD, then the headers come without the body', async () => {
    const response = await request(appAnswering(200, { success: true })).head('/x');
    expect(response.headers['content-length']).toBe('16');
    expect(response.text).toBeUndefined();
  });

  it('when the status is 204 or 304, then no body and no content headers are sent', async () => {
    for (const status of [204, 304]) {
      const response = await request(appAnswering(status, { success: true })).get('/x');
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toBeUndefined();
      expect(response.headers['content-length']).toBeUndefined();
    }
  });

  it('when a Content-Type was set already, then it is kept', async () => {
    const response = await request(
      appAnswering(400, { error: 'x' }, 'application/problem+json'),
    ).get('/x');
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('when the body is undefined, then the response is empty, as Express sends it', async () => {
    const response = await request(appAnswering(200, undefined)).get('/x');
    expect(response.headers['content-length']).toBe('0');
    expect(response.text).toBe('');
  });
});
