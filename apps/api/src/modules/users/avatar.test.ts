import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '../../db/schema/files';
import { users } from '../../db/schema/users';
import { startFakeS3, type FakeS3 } from '../../test-support/fake-s3';
import { startTestApp, type TestApp } from '../../test-support/test-app';

const MB = 1024 * 1024;
const QUOTA_MB = 2;

type SignedIn = { userId: string; token: string };

const signUp = async (app: TestApp): Promise<SignedIn> => {
  const email = `avatar-${randomUUID().slice(0, 8)}@example.in`;
  const password = 'Avatar@2026';
  await request(app.url)
    .post('/api/auth/register')
    .send({ email, password, firstName: 'Asha', lastName: 'Rao', phone: '9876543210' })
    .expect(201);
  const login = await request(app.url)
    .post('/api/auth/login')
    .send({ email, password })
    .expect(200);
  return { userId: login.body.data.user.id, token: login.body.data.accessToken };
};

const upload = (
  app: TestApp,
  user: SignedIn | undefined,
  file: Buffer,
  { filename = 'photo.jpg', contentType = 'image/jpeg', field = 'avatar' } = {},
) => {
  const req = request(app.url).post('/api/users/upload-avatar');
  if (user) void req.set('Authorization', `Bearer ${user.token}`);
  return req.attach(field, file, { filename, contentType });
};

/** Left half red, right half blue, stored sideways (EXIF orientation 6) with personal EXIF. */
const sidewaysJpeg = () =>
  sharp({ create: { width: 1024, height: 768, channels: 3, background: '#ff0000' } })
    .composite([
      {
        input: { create: { width: 512, height: 768, channels: 3, background: '#0000ff' } },
        left: 512,
        top: 0,
      },
    ])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Artist: 'Secret Person', Copyright: 'Home address 12 MG Road' } })
    .toBuffer();

const plainImage = (format: 'png' | 'webp' | 'jpeg', width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: '#22aa66' } })
    .toFormat(format)
    .toBuffer();

/** `/uploads/avatars/<user>/<uuid>-512.webp` → `avatars/<user>/<uuid>`. */
const keyPrefixOf = (url: string) => url.replace(/^\/uploads\//, '').replace(/-512\.webp$/, '');

const errorOf = (res: request.Response) => res.body.error as { code: string; message: string };

describe('POST /api/users/upload-avatar (local storage)', () => {
  let app: TestApp;
  let uploadsDir: string;

  beforeAll(async () => {
    app = await startTestApp({
      env: { UPLOAD_QUOTA_MB: String(QUOTA_MB), AUTH_RATE_LIMIT_MAX: '1000' },
    });
    uploadsDir = path.join(app.runtime.config.dataDir, 'uploads');
  });
  afterAll(() => app.close());

  const db = () => app.runtime.database.db;

  /** Every file under the uploads directory, relative to it. */
  const filesOnDisk = async (): Promise<string[]> => {
    try {
      const entries = await readdir(uploadsDir, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(uploadsDir, path.join(entry.parentPath, entry.name)))
        .sort();
    } catch {
      return [];
    }
  };

  /** What "nothing stored" compares: files on disk, the user's stored_files rows and avatar key. */
  const stateOf = async (userId: string) => ({
    files: await filesOnDisk(),
    rows: await db()
      .select({ key: storedFiles.key, purpose: storedFiles.purpose, bytes: storedFiles.bytes })
      .from(storedFiles)
      .where(eq(storedFiles.ownerId, userId))
      .orderBy(storedFiles.key),
    avatarKey: (
      await db().select({ avatarKey: users.avatarKey }).from(users).where(eq(users.id, userId))
    )[0]?.avatarKey,
  });

  /** A signed-in user who already has an avatar, so "unchanged" means something. */
  const userWithAvatar = async () => {
    const user = await signUp(app);
    await upload(app, user, await plainImage('png'), { filename: 'a.png' }).expect(200);
    return { user, before: await stateOf(user.userId) };
  };

  it('when a JPEG with EXIF is uploaded, then both WebP sizes are stored, upright, stripped and served safely', async () => {
    const user = await signUp(app);
    const jpeg = await sidewaysJpeg();
    const input = await sharp(jpeg).metadata();
    expect(input).toMatchObject({ width: 1024, height: 768, orientation: 6 });
    expect(input.exif?.includes('Secret Person')).toBe(true);

    const res = await upload(app, user, jpeg, { filename: 'me.jpg' });

    expect(res.status).toBe(200);
    const profile = res.body.data;
    expect(profile.id).toBe(user.userId);
    expect(profile.avatar).toEqual({
      url: expect.stringMatching(
        new RegExp(`^/uploads/avatars/${user.userId}/[0-9a-f-]{36}-512\\.webp$`),
      ),
      thumbnailUrl: expect.stringMatching(/-128\.webp$/),
    });

    for (const [url, size] of [
      [profile.avatar.url as string, 512],
      [profile.avatar.thumbnailUrl as string, 128],
    ] as const) {
      const image = await request(app.url)
        .get(url)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(image.headers['content-type']).toBe('image/webp');
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(image.headers['content-disposition']).toBe('inline');
      expect(image.headers['content-security-policy']).toMatch(/^default-src 'none'/);
      expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const body = image.body as Buffer;
      const output = await sharp(body).metadata();
      expect(output).toMatchObject({ format: 'webp', width: size, height: size });
      expect(output.exif).toBeUndefined();
      expect(output.orientation).toBeUndefined();
      expect(body.includes('Secret Person')).toBe(false);
      // Turned upright: the red left half of the sideways original is now on top.
      const { data, info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => {
        const at = (y * info.width + x) * info.channels;
        return [data[at]!, data[at + 1]!, data[at + 2]!];
      };
      const [topRed, , topBlue] = pixel(2, 2);
      const [bottomRed, , bottomBlue] = pixel(2, size - 3);
      expect(topRed).toBeGreaterThan(200);
      expect(topBlue).toBeLessThan(60);
      expect(bottomBlue).toBeGreaterThan(200);
      expect(bottomRed).toBeLessThan(60);
    }

    const state = await stateOf(user.userId);
    const prefix = keyPrefixOf(profile.avatar.url as string);
    expect(state.avatarKey).toBe(prefix);
    expect(state.files.filter((file) => file.includes(user.userId))).toEqual([
      `${prefix}-128.webp`,
      `${prefix}-512.webp`,
    ]);
    expect(state.rows).toEqual([
      { key: `${prefix}-128.webp`, purpose: 'avatar', bytes: expect.any(Number) },
      { key: `${prefix}-512.webp`, purpose: 'avatar', bytes: expect.any(Number) },
    ]);
    for (const row of state.rows)
      expect(row.bytes).toBe((await stat(path.join(uploadsDir, row.key))).size);
  });

  it('when a second image is uploaded, then it replaces the first, whose files and rows are deleted', async () => {
    const user = await signUp(app);
    const first = await upload(app, user, await sidewaysJpeg()).expect(200);
    const firstAvatar = first.body.data.avatar;

    const second = await upload(app, user, await plainImage('png'), {
      filename: 'new.png',
      contentType: 'image/png',
    }).expect(200);

    const secondAvatar = second.body.data.avatar;
    expect(secondAvatar.url).not.toBe(firstAvatar.url);
    await request(app.url).get(firstAvatar.url).expect(404);
    await request(app.url).get(firstAvatar.thumbnailUrl).expect(404);
    await request(app.url).get(secondAvatar.url).expect(200);
    const prefix = keyPrefixOf(secondAvatar.url as string);
    const state = await stateOf(user.userId);
    expect(state.avatarKey).toBe(prefix);
    expect(state.files.filter((file) => file.includes(user.userId))).toEqual([
      `${prefix}-128.webp`,
      `${prefix}-512.webp`,
    ]);
    expect(state.rows.map((row) => row.key)).toEqual([`${prefix}-128.webp`, `${prefix}-512.webp`]);
    const profile = await request(app.url)
      .get('/api/users/profile')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(200);
    expect(profile.body.data.avatar).toEqual(secondAvatar);
  });

  it('when a WebP is uploaded under a misleading name and type, then it is accepted by its content', async () => {
    const user = await signUp(app);
    const res = await upload(app, user, await plainImage('webp'), {
      filename: 'document.pdf',
      contentType: 'application/pdf',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.avatar.url).toMatch(/-512\.webp$/);
  });

  it('when two uploads race, then one wins and only its files and rows remain', async () => {
    const user = await signUp(app);
    const [a, b] = await Promise.all([
      upload(app, user, await plainImage('png')),
      upload(app, user, await plainImage('jpeg')),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const state = await stateOf(user.userId);
    expect(state.rows.map((row) => row.key)).toEqual([
      `${state.avatarKey}-128.webp`,
      `${state.avatarKey}-512.webp`,
    ]);
    expect(state.files.filter((file) => file.includes(user.userId))).toEqual(
      state.rows.map((row) => row.key),
    );
  });

  it('when the file is over 5 MB, then 413 PAYLOAD_TOO_LARGE and nothing is stored', async () => {
    const { user, before } = await userWithAvatar();
    const huge = Buffer.concat([await sidewaysJpeg(), Buffer.alloc(20 * MB, 7)]);

    const res = await upload(app, user, huge, { filename: 'huge.jpg' });

    expect(res.status).toBe(413);
    expect(errorOf(res).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await stateOf(user.userId)).toEqual(before);
  });

  it('when a text file is renamed .png and sent as image/png, then 415 and nothing is stored', async () => {
    const { user, before } = await userWithAvatar();
    const text = Buffer.from('<script>alert(1)</script>\nnot an image at all\n'.repeat(20));

    const res = await upload(app, user, text, { filename: 'cat.png', contentType: 'image/png' });

    expect(res.status).toBe(415);
    expect(errorOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await stateOf(user.userId)).toEqual(before);
  });

  it('when an image type other than JPEG, PNG or WebP is sent, then 415 and nothing is stored', async () => {
    const { user, before } = await userWithAvatar();
    const gif = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#000' },
    })
      .gif()
      .toBuffer();

    const res = await upload(app, user, gif, { filename: 'a.png', contentType: 'image/png' });

    expect(res.status).toBe(415);
    expect(await stateOf(user.userId)).toEqual(before);
  });

  it.each([
    ['a truncated JPEG', async () => (await sidewaysJpeg()).subarray(0, 3000)],
    [
      'a PNG with damaged pixel data',
      async () => {
        const png = Buffer.from(await plainImage('png', 300, 300));
        const idat = png.indexOf('IDAT');
        png.fill(0xff, idat + 8, idat + 40);
        return png;
      },
    ],
  ])('when %s is uploaded, then 400 VALIDATION_ERROR and nothing is stored', async (_, make) => {
    const { user, before } = await userWithAvatar();

    const res = await upload(app, user, await make());

    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_ERROR');
    expect(await stateOf(user.userId)).toEqual(before);
  });

  it('when the image is over 40 megapixels, then 413 before decoding and nothing is stored', async () => {
    const { user, before } = await userWithAvatar();
    const huge = await sharp({
      create: { width: 8000, height: 6000, channels: 3, background: '#fff' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(huge.length).toBeLessThan(5 * MB);

    const res = await upload(app, user, huge, { contentType: 'image/png' });

    expect(res.status).toBe(413);
    expect(errorOf(res).message).toMatch(/megapixels/);
    expect(await stateOf(user.userId)).toEqual(before);
  });

  it('when no file is sent, then 400 VALIDATION_ERROR', async () => {
    const user = await signUp(app);
    const empty = await request(app.url)
      .post('/api/users/upload-avatar')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(400);
    expect(errorOf(empty).code).toBe('VALIDATION_ERROR');
    const json = await request(app.url)
      .post('/api/users/upload-avatar')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ avatar: 'https://example.com/me.png' })
      .expect(400);
    expect(errorOf(json).code).toBe('VALIDATION_ERROR');
  });

  it('when the file is in another field or other fields come along, then 400 and nothing is stored', async () => {
    const { user, before } = await userWithAvatar();
    const png = await plainImage('png');

    await upload(app, user, png, { field: 'photo' }).expect(400);
    await request(app.url)
      .post('/api/users/upload-avatar')
      .set('Authorization', `Bearer ${user.token}`)
      .field('role', 'admin')
      .attach('avatar', png, { filename: 'a.png', contentType: 'image/png' })
      .expect(400);
    await request(app.url)
      .post('/api/users/upload-avatar')
      .set('Authorization', `Bearer ${user.token}`)
      .attach('avatar', png, { filename: 'a.png', contentType: 'image/png' })
      .attach('avatar', png, { filename: 'b.png', contentType: 'image/png' })
      .expect(400);
    expect(await stateOf(user.userId)).toEqual(before);
  });

  it('when not signed in, then 401 and nothing is stored', async () => {
    const before = await filesOnDisk();
    const res = await upload(app, undefined, await plainImage('png'));
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('AUTHENTICATION_ERROR');
    expect(await filesOnDisk()).toEqual(before);
  });

  it('when the upload would exceed the user’s quota, then 413 and nothing is stored', async () => {
    const { user, before } = await userWithAvatar();
    const avatarBytes = before.rows.reduce((sum, row) => sum + row.bytes, 0);
    // Earlier uploads of another kind fill the quota but for a few bytes.
    await db()
      .insert(storedFiles)
      .values({
        ownerId: user.userId,
        key: `documents/${user.userId}/${randomUUID()}.pdf`,
        purpose: 'document',
        contentType: 'application/pdf',
        bytes: QUOTA_MB * MB - avatarBytes - 10,
      });
    const full = await stateOf(user.userId);

    // Noise compresses badly: a larger avatar than the current one does not fit.
    const noise = await sharp(
      Buffer.from(Array.from({ length: 600 * 600 * 3 }, () => Math.floor(Math.random() * 256))),
      { raw: { width: 600, height: 600, channels: 3 } },
    )
      .png()
      .toBuffer();
    const res = await upload(app, user, noise, { contentType: 'image/png' });

    expect(res.status).toBe(413);
    expect(errorOf(res).code).toBe('PAYLOAD_TOO_LARGE');
    expect(errorOf(res).message).toMatch(/quota/);
    expect(await stateOf(user.userId)).toEqual(full);

    // The same image again fits: the files it replaces no longer count.
    await upload(app, user, await plainImage('png'), { contentType: 'image/png' }).expect(200);
  });

  it('when uploads are served, then directories, dotfiles and paths outside are not', async () => {
    const user = await signUp(app);
    await upload(app, user, await plainImage('png')).expect(200);
    await mkdir(path.join(uploadsDir, 'avatars'), { recursive: true });
    await writeFile(path.join(uploadsDir, 'avatars', '.secret'), 'hidden');

    await request(app.url).get(`/uploads/avatars/${user.userId}/`).expect(404);
    await request(app.url).get(`/uploads/avatars/${user.userId}`).expect(404);
    await request(app.url).get('/uploads/').expect(404);
    await request(app.url).get('/uploads/avatars/.secret').expect(404);
    await request(app.url).get('/uploads/%2e%2e/%2e%2e/package.json').expect(404);
    await request(app.url).get('/uploads/..%2f..%2fpackage.json').expect(404);
  });
});

describe('POST /api/users/upload-avatar (S3 storage)', () => {
  let s3: FakeS3;
  let app: TestApp;
  const bucket = 'lk-avatars';

  beforeAll(async () => {
    s3 = await startFakeS3();
    app = await startTestApp({
      env: {
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: bucket,
        S3_ACCESS_KEY_ID: 'AKIDLOCALKARTTEST',
        S3_SECRET_ACCESS_KEY: 'test-secret-key',
        S3_PUBLIC_URL: 'https://cdn.localkart.test',
        AUTH_RATE_LIMIT_MAX: '1000',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await s3.close();
  });

  const rowsOf = (userId: string) =>
    app.runtime.database.db
      .select({ key: storedFiles.key })
      .from(storedFiles)
      .where(eq(storedFiles.ownerId, userId));

  it('when an avatar is uploaded and replaced, then the bucket holds only the current WebP objects', async () => {
    const user = await signUp(app);
    const first = await upload(app, user, await sidewaysJpeg()).expect(200);
    const { url, thumbnailUrl } = first.body.data.avatar;
    expect(url).toMatch(
      new RegExp(
        `^https://cdn\\.localkart\\.test/avatars/${user.userId}/[0-9a-f-]{36}-512\\.webp$`,
      ),
    );
    const keyOf = (publicUrl: string) => `/${bucket}${new URL(publicUrl).pathname}`;
    for (const [objectUrl, size] of [
      [url as string, 512],
      [thumbnailUrl as string, 128],
    ] as const) {
      const object = s3.objects.get(keyOf(objectUrl))!;
      expect(object.contentType).toBe('image/webp');
      expect(await sharp(object.body).metadata()).toMatchObject({ width: size, height: size });
    }
    const puts = s3.requests.filter((req) => req.method === 'PUT');
    expect(puts).toHaveLength(2);
    for (const put of puts) expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    // Local serving is off when uploads live in a bucket.
    await request(app.url)
      .get(`/uploads${new URL(url).pathname}`)
      .expect(404);

    const second = await upload(app, user, await plainImage('png')).expect(200);

    expect([...s3.objects.keys()].sort()).toEqual(
      [keyOf(second.body.data.avatar.url), keyOf(second.body.data.avatar.thumbnailUrl)].sort(),
    );
    const deletes = s3.requests.filter((req) => req.method === 'DELETE').map((req) => req.path);
    expect(deletes.sort()).toEqual([keyOf(url), keyOf(thumbnailUrl)].sort());
    expect((await rowsOf(user.userId)).map((row) => row.key).sort()).toEqual(
      [...s3.objects.keys()].map((key) => key.slice(bucket.length + 2)).sort(),
    );
  });

  it('when the bucket refuses one of the sizes, then the other is deleted and nothing is recorded', async () => {
    const user = await signUp(app);
    s3.requests.length = 0;
    s3.denyPuts = /-128\.webp$/;
    try {
      const res = await upload(app, user, await plainImage('png'));
      expect(res.status).toBe(500);
    } finally {
      s3.denyPuts = undefined;
    }
    const large = s3.requests.find((req) => req.method === 'PUT' && req.path.endsWith('-512.webp'));
    expect(large).toBeDefined();
    expect(s3.objects.has(large!.path)).toBe(false);
    expect(await rowsOf(user.userId)).toEqual([]);
    const profile = await request(app.url)
      .get('/api/users/profile')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(200);
    expect(profile.body.data.avatar).toBeNull();
  });
});
