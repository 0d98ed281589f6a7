import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerDocuments } from '../../db/schema/providers';
import { insertTestUser, signIn } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  seedTestTaxonomy,
  signedInCustomer,
  signedInProvider,
  type SignedIn,
} from './provider-test-support';

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The raw bytes of a response, whatever its type (supertest only buffers text, JSON, images). */
const binary: Parameters<request.Test['parse']>[0] = (res, done) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('providers: private documents', () => {
  let app: TestApp;
  let owner: SignedIn & { providerId: string };
  let document: { id: string; fileUrl: string };
  let storageKey: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
    owner = await signedInProvider(app);
    const res = await request(app.url)
      .post('/api/providers/documents')
      .set(auth(owner))
      .field('type', 'license')
      .attach('file', pdf, { filename: 'licence.pdf', contentType: 'application/pdf' })
      .expect(201);
    document = res.body.data as { id: string; fileUrl: string };
    const [row] = await app.runtime.database.db
      .select({ storageKey: providerDocuments.storageKey })
      .from(providerDocuments)
      .where(eq(providerDocuments.id, document.id));
    storageKey = row!.storageKey;
  });
  afterAll(() => app.close());

  const download = (url: string, headers: Record<string, string> = {}) =>
    request(app.url).get(url).set(headers).buffer(true).parse(binary);

  it('when a document is uploaded, then its response and list give the API file URL, never a public one', async () => {
    expect(document.fileUrl).toBe(`/api/providers/documents/${document.id}/file`);
    const list = await request(app.url)
      .get('/api/providers/documents')
      .set(auth(owner))
      .expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ id: document.id, fileUrl: document.fileUrl }),
    ]);
    expect(JSON.stringify(list.body.data)).not.toContain(storageKey);
    expect(JSON.stringify(list.body.data)).not.toContain('/uploads');
  });

  it('when a document is uploaded, then it is under $DATA_DIR/private, not under uploads, and /uploads has no such file', async () => {
    const { dataDir } = app.runtime.config;
    expect((await readFile(path.join(dataDir, 'private', storageKey))).equals(pdf)).toBe(true);
    const uploaded = await readdir(path.join(dataDir, 'uploads'), { recursive: true }).catch(
      () => [] as string[],
    );
    expect(uploaded.filter((file) => file.includes(document.id) || file.endsWith('.pdf'))).toEqual(
      [],
    );
    expect(uploaded.some((file) => file.startsWith('documents'))).toBe(false);
    await request(app.url).get(`/uploads/${storageKey}`).expect(404);
    await request(app.url).get(`/uploads/../private/${storageKey}`).expect(404);
    await request(app.url).get(`/private/${storageKey}`).expect(404);
  });

  it('when the owner downloads it, then the bytes are identical and sent as a sandboxed, uncached attachment', async () => {
    const res = await download(document.fileUrl, auth(owner)).expect(200);
    expect(Buffer.isBuffer(res.body)).toBe(true);
    expect((res.body as Buffer).equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="license-${document.id}.pdf"`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  it('when an admin downloads it, then they get the file', async () => {
    const admin = await insertTestUser(app, { role: 'admin' });
    const session = await signIn(app, admin.email);
    const res = await download(document.fileUrl, auth({ token: session.accessToken })).expect(200);
    expect((res.body as Buffer).equals(pdf)).toBe(true);
  });

  it('when another provider, a customer or nobody asks for it, then it is 404 (401 unsigned), as for an unknown id', async () => {
    const other = await signedInProvider(app);
    const customer = await signedInCustomer(app);
    const otherRes = await download(document.fileUrl, auth(other)).expect(404);
    expect(otherRes.headers['content-type']).toMatch(/^application\/json/);
    await download(document.fileUrl, auth(customer)).expect(404);
    await download(document.fileUrl).expect(401);
    await download(
      '/api/providers/documents/00000000-0000-4000-8000-000000000000/file',
      auth(owner),
    ).expect(404);
    await download('/api/providers/documents/not-a-uuid/file', auth(owner)).expect(404);
  });
});
