import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '../../db/schema/files';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { auth, seedTestTaxonomy, signedInProvider } from './provider-test-support';

const jpeg = () =>
  sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2266aa' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Secret Person' } })
    .toBuffer();
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('providers: portfolio and documents', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
  });
  afterAll(() => app.close());
  const filesOf = (userId: string) =>
    app.runtime.database.db.select().from(storedFiles).where(eq(storedFiles.ownerId, userId));
  const uploadsOf = async (dir: string) =>
    readdir(path.join(app.runtime.config.dataDir, 'uploads', dir), { recursive: true }).catch(
      () => [] as string[],
    );

  it('when a portfolio image is uploaded, then it is re-encoded to WebP, listed, public, and deletable', async () => {
    const provider = await signedInProvider(app);
    const res = await request(app.url)
      .post('/api/providers/portfolio')
      .set(auth(provider))
      .field('description', 'Bathroom refit in Indiranagar')
      .attach('image', await jpeg(), { filename: 'job.jpg', contentType: 'image/jpeg' })
      .expect(201);
    expect(res.body.data.imageUrl).toMatch(/\.webp$/);
    const image = await request(app.url)
      .get(res.body.data.imageUrl as string)
      .expect(200);
    const meta = await sharp(image.body as Buffer).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1280, height: 720 });
    expect(meta.exif).toBeUndefined();

    const page = await request(app.url).get(`/api/providers/${provider.providerId}`).expect(200);
    expect(page.body.data.portfolio[0]).toMatchObject({
      description: 'Bathroom refit in Indiranagar',
    });
    expect(await filesOf(provider.userId)).toHaveLength(2);

    const other = await signedInProvider(app);
    const id = res.body.data.id as string;
    await request(app.url).delete(`/api/providers/portfolio/${id}`).set(auth(other)).expect(404);
    await request(app.url).delete(`/api/providers/portfolio/${id}`).set(auth(provider)).expect(204);
    expect(await filesOf(provider.userId)).toHaveLength(0);
    await request(app.url)
      .get(res.body.data.imageUrl as string)
      .expect(404);
  });

  it('when a PDF or an image document is uploaded, then it is stored pending and listed with its status', async () => {
    const provider = await signedInProvider(app);
    const pdfRes = await request(app.url)
      .post('/api/providers/documents')
      .set(auth(provider))
      .field('type', 'license')
      .attach('file', pdf, { filename: 'licence.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(pdfRes.body.data).toMatchObject({
      type: 'license',
      contentType: 'application/pdf',
      originalBytes: pdf.length,
      status: 'pending',
      rejectionReason: null,
    });
    await request(app.url)
      .post('/api/providers/documents')
      .set(auth(provider))
      .field('type', 'insurance')
      .attach('file', await jpeg(), { filename: 'policy.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const list = await request(app.url)
      .get('/api/providers/documents')
      .set(auth(provider))
      .expect(200);
    const documents = list.body.data as { contentType: string }[];
    expect(documents.map((d) => d.contentType).sort()).toEqual(['application/pdf', 'image/webp']);
    // No storage key or public URL, only the API route that checks the caller.
    expect(JSON.stringify(list.body.data)).not.toContain(`documents/${provider.providerId}`);
    expect(JSON.stringify(list.body.data)).not.toContain('/uploads');
    const page = await request(app.url).get(`/api/providers/${provider.providerId}`).expect(200);
    expect(JSON.stringify(page.body.data)).not.toMatch(/document|licen[cs]e|insurance/i);
  });

  it('when a text file is renamed .pdf, or the type is missing or unknown, then it is refused and nothing is stored', async () => {
    const provider = await signedInProvider(app);
    const fake = await request(app.url)
      .post('/api/providers/documents')
      .set(auth(provider))
      .field('type', 'certificate')
      .attach('file', Buffer.from('just some text, honest\n'.repeat(20)), {
        filename: 'certificate.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(fake.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await request(app.url)
      .post('/api/providers/documents')
      .set(auth(provider))
      .attach('file', pdf, { filename: 'a.pdf', contentType: 'application/pdf' })
      .expect(400);
    await request(app.url)
      .post('/api/providers/documents')
      .set(auth(provider))
      .field('type', 'aadhaar')
      .attach('file', pdf, { filename: 'a.pdf', contentType: 'application/pdf' })
      .expect(400);
    await request(app.url)
      .post('/api/providers/portfolio')
      .set(auth(provider))
      .attach('image', pdf, { filename: 'a.jpg', contentType: 'image/jpeg' })
      .expect(415);
    expect(await filesOf(provider.userId)).toHaveLength(0);
    const list = await request(app.url).get('/api/providers/documents').set(auth(provider));
    expect(list.body.data).toEqual([]);
    const stored = await uploadsOf(path.join('documents', provider.providerId));
    expect(stored).toEqual([]);
  });
});
