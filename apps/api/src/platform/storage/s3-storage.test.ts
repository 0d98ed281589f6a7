import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeS3, type FakeS3 } from '../../test-support/fake-s3';
import { testConfig } from '../../test-support/test-env';
import { openSharedServices } from '../../runtime';
import { createLogger } from '../logger';
import { createS3PrivateStorage, createS3Storage } from './s3-storage';

const credentials = { accessKeyId: 'AKIDLOCALKARTTEST', secretAccessKey: 'test-secret-key' };
const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=AKIDLOCALKARTTEST\/\d{8}\/ap-south-1\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

let s3: FakeS3;

beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(() => s3.close());

const storageOnFake = () =>
  createS3Storage({
    bucket: 'lk-uploads',
    region: 'ap-south-1',
    endpoint: s3.endpoint,
    ...credentials,
  });

describe('S3 storage', () => {
  it('when an object is put, then a SigV4-signed path-style PutObject carries its bytes and headers', async () => {
    const body = Buffer.from('RIFF fake webp bytes');
    await storageOnFake().put('avatars/u1/k1-512.webp', body, 'image/webp');

    const put = s3.requests.at(-1)!;
    expect(put.method).toBe('PUT');
    expect(put.path).toBe('/lk-uploads/avatars/u1/k1-512.webp');
    const signed = SIGV4.exec(put.headers.authorization ?? '');
    expect(signed, put.headers.authorization).not.toBeNull();
    expect(signed![1]!.split(';')).toEqual(
      expect.arrayContaining(['host', 'x-amz-content-sha256', 'x-amz-date']),
    );
    expect(put.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    // The payload hash is signed, so the bytes cannot be swapped in transit.
    expect(put.headers['x-amz-content-sha256']).toBe(
      createHash('sha256').update(body).digest('hex'),
    );
    expect(put.headers['content-type']).toBe('image/webp');
    expect(put.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(put.headers['content-disposition']).toBe('inline');
    expect(put.body.equals(body)).toBe(true);
  });

  it('when an object is deleted, then a signed DeleteObject is sent and the object is gone', async () => {
    const storage = storageOnFake();
    await storage.put('avatars/u1/k2-128.webp', Buffer.from('x'), 'image/webp');
    expect(s3.objects.has('/lk-uploads/avatars/u1/k2-128.webp')).toBe(true);

    await storage.delete('avatars/u1/k2-128.webp');

    const deleted = s3.requests.at(-1)!;
    expect(deleted.method).toBe('DELETE');
    expect(deleted.path).toBe('/lk-uploads/avatars/u1/k2-128.webp');
    expect(deleted.headers.authorization).toMatch(SIGV4);
    expect(s3.objects.has('/lk-uploads/avatars/u1/k2-128.webp')).toBe(false);
  });

  it('when a key does not exist, then deleting it is not an error', async () => {
    await expect(storageOnFake().delete('avatars/nobody/none-512.webp')).resolves.toBeUndefined();
  });

  it('when the bucket refuses a write, then put rejects with S3’s error', async () => {
    s3.denyPuts = { test: (path) => path === '/lk-uploads/avatars/u1/denied-512.webp' };
    await expect(
      storageOnFake().put('avatars/u1/denied-512.webp', Buffer.from('x'), 'image/webp'),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('when an object is got, then a signed GetObject returns its bytes and type; a missing key is undefined', async () => {
    const storage = storageOnFake();
    const body = Buffer.from('RIFF more webp bytes');
    await storage.put('avatars/u1/k3-512.webp', body, 'image/webp');

    const object = await storage.get('avatars/u1/k3-512.webp');

    expect(object?.body.equals(body)).toBe(true);
    expect(object?.contentType).toBe('image/webp');
    const got = s3.requests.at(-1)!;
    expect(got.method).toBe('GET');
    expect(got.path).toBe('/lk-uploads/avatars/u1/k3-512.webp');
    expect(got.headers.authorization).toMatch(SIGV4);
    await expect(storage.get('avatars/nobody/none-512.webp')).resolves.toBeUndefined();
  });

  it('when a private object is stored, then it is under private/, uncacheable, an attachment, and read back through the API', async () => {
    const storage = createS3PrivateStorage({
      bucket: 'lk-uploads',
      region: 'ap-south-1',
      endpoint: s3.endpoint,
      ...credentials,
    });
    const body = Buffer.from('%PDF-1.4 licence');
    await storage.put('documents/p1/d1.pdf', body, 'application/pdf');

    const put = s3.requests.at(-1)!;
    expect(put.path).toBe('/lk-uploads/private/documents/p1/d1.pdf');
    expect(put.headers.authorization).toMatch(SIGV4);
    expect(put.headers['cache-control']).toBe('private, no-store');
    expect(put.headers['content-disposition']).toBe('attachment');
    expect(storage).not.toHaveProperty('publicUrl');
    const object = await storage.get('documents/p1/d1.pdf');
    expect(object?.body.equals(body)).toBe(true);
    expect(object?.contentType).toBe('application/pdf');

    await storage.delete('documents/p1/d1.pdf');
    expect(s3.objects.has('/lk-uploads/private/documents/p1/d1.pdf')).toBe(false);
    await expect(storage.get('documents/p1/d1.pdf')).resolves.toBeUndefined();
  });

  it('when S3_PUBLIC_URL is set, then public URLs are under it; otherwise path-style or AWS virtual-hosted', () => {
    const key = 'avatars/u1/k1-512.webp';
    const base = { bucket: 'lk-uploads', region: 'ap-south-1', ...credentials };
    expect(
      createS3Storage({
        ...base,
        endpoint: s3.endpoint,
        publicUrl: 'https://cdn.localkart.in/',
      }).publicUrl(key),
    ).toBe(`https://cdn.localkart.in/${key}`);
    expect(createS3Storage({ ...base, endpoint: 'http://minio:9000' }).publicUrl(key)).toBe(
      `http://minio:9000/lk-uploads/${key}`,
    );
    expect(createS3Storage(base).publicUrl(key)).toBe(
      `https://lk-uploads.s3.ap-south-1.amazonaws.com/${key}`,
    );
  });

  it('when S3 settings are configured, then the shared services use S3; otherwise the local disk', () => {
    const s3Config = testConfig({
      S3_BUCKET: 'lk-uploads',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_ENDPOINT: s3.endpoint,
    });
    expect(openSharedServices(s3Config, createLogger(s3Config)).storage.kind).toBe('s3');
    const localConfig = testConfig();
    const local = openSharedServices(localConfig, createLogger(localConfig)).storage;
    expect(local.kind === 'local' && local.directory).toBe(`${localConfig.dataDir}/uploads`);
    expect(openSharedServices(s3Config, createLogger(s3Config)).privateStorage).not.toHaveProperty(
      'publicUrl',
    );
  });
});
