import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '../../db/schema/files';
import { providers } from '../../db/schema/providers';
import { reviews } from '../../db/schema/reviews';
import { insertTestUser, signIn } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  seedTestTaxonomy,
  signedInCustomer,
  signedInProvider,
  type SignedIn,
} from '../providers/provider-test-support';
import {
  bookableProvider,
  bookingBody,
  createBooking,
  istDate,
} from '../bookings/bookings-test-support';
import { insertTestBooking } from './review-test-support';

const jpeg = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#aa6622' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Secret Person' } })
    .toBuffer();

type Provider = SignedIn & { providerId: string };

describe('reviews', () => {
  let app: TestApp;
  let provider: Provider;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
    provider = await signedInProvider(app);
  });
  afterAll(() => app.close());

  const db = () => app.runtime.database.db;
  const ratingOf = async (providerId: string) => {
    const [row] = await db()
      .select({ average: providers.ratingAverage, count: providers.ratingCount })
      .from(providers)
      .where(eq(providers.id, providerId));
    return row!;
  };
  const customerWithBooking = async (
    of: Provider = provider,
    status: 'completed' | 'confirmed' | 'cancelled' = 'completed',
  ) => {
    const customer = await signedInCustomer(app);
    const bookingId = await insertTestBooking(app, {
      customerId: customer.userId,
      providerId: of.providerId,
      status,
    });
    return { customer, bookingId };
  };
  const review = (who: { token: string }, bookingId: string, body: object) =>
    request(app.url).post(`/api/bookings/${bookingId}/review`).set(auth(who)).send(body);

  it('when the customer reviews a completed booking, then it is public with a short name and the rating counts it', async () => {
    const own = await signedInProvider(app);
    const { customer, bookingId } = await customerWithBooking(own);
    const res = await review(customer, bookingId, {
      rating: 4,
      comment: '  Fixed the tap in 20 minutes.\nVery tidy.  ',
    }).expect(201);
    expect(res.body.data).toMatchObject({
      bookingId,
      providerId: own.providerId,
      rating: 4,
      comment: 'Fixed the tap in 20 minutes.\nVery tidy.',
      images: [],
      reviewerName: 'Arjun M.',
      reply: null,
    });
    expect(await ratingOf(own.providerId)).toEqual({ average: 4, count: 1 });

    const list = await request(app.url).get(`/api/providers/${own.providerId}/reviews`).expect(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toEqual(res.body.data);
    expect(list.body.meta).toEqual({ page: 1, limit: 10, total: 1, hasNext: false });
    expect(JSON.stringify(list.body)).not.toMatch(/Mehta|@|customerId/);
    const page = await request(app.url).get(`/api/providers/${own.providerId}`).expect(200);
    expect(page.body.data.rating).toEqual({ average: 4, count: 1 });
  });

  it('when a booking made through the bookings API is completed, then its customer may review it, not before', async () => {
    const own = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const id = await createBooking(app, customer, bookingBody(own, { date: istDate(3) }));
    const step = (action: string) =>
      request(app.url).post(`/api/bookings/${id}/${action}`).set(auth(own)).send({});
    await review(customer, id, { rating: 5 }).expect(409);
    await step('confirm').expect(200);
    await step('start').expect(200);
    await review(customer, id, { rating: 5 }).expect(409);
    await step('complete').expect(200);
    const res = await review(customer, id, { rating: 5, comment: 'On time' }).expect(201);
    expect(res.body.data).toMatchObject({ bookingId: id, providerId: own.providerId, rating: 5 });
    expect(await ratingOf(own.providerId)).toEqual({ average: 5, count: 1 });
  });

  it('when a booking is reviewed a second time, then 409 and the rating is unchanged', async () => {
    const own = await signedInProvider(app);
    const { customer, bookingId } = await customerWithBooking(own);
    await review(customer, bookingId, { rating: 5 }).expect(201);
    const again = await review(customer, bookingId, { rating: 1 }).expect(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect(await ratingOf(own.providerId)).toEqual({ average: 5, count: 1 });
    // Two at once: the unique index lets exactly one through.
    const other = await customerWithBooking(own);
    const results = await Promise.all(
      [3, 2].map((rating) => review(other.customer, other.bookingId, { rating })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await ratingOf(own.providerId)).count).toBe(2);
  });

  it('when the booking is not completed, then 409 with its status', async () => {
    for (const status of ['confirmed', 'cancelled'] as const) {
      const { customer, bookingId } = await customerWithBooking(provider, status);
      const res = await review(customer, bookingId, { rating: 5 }).expect(409);
      expect(res.body.error.details).toEqual({ status });
    }
  });

  it('when someone other than the booking’s customer reviews it, then 404 as for an unknown booking; other roles get 403', async () => {
    const { bookingId } = await customerWithBooking();
    const stranger = await signedInCustomer(app);
    await review(stranger, bookingId, { rating: 5 }).expect(404);
    await review(stranger, '00000000-0000-4000-8000-000000000000', { rating: 5 }).expect(404);
    await review(stranger, 'not-a-uuid', { rating: 5 }).expect(404);
    const forbidden = await review(provider, bookingId, { rating: 5 }).expect(403);
    expect(forbidden.body.error.code).toBe('AUTHORIZATION_ERROR');
    const admin = await insertTestUser(app, { role: 'admin' });
    const adminSession = await signIn(app, admin.email);
    await review({ token: adminSession.accessToken }, bookingId, { rating: 5 }).expect(403);
    await request(app.url)
      .post(`/api/bookings/${bookingId}/review`)
      .send({ rating: 5 })
      .expect(401);
  });

  it('when the rating or comment is invalid, or a field is unknown, then 400 and nothing is written', async () => {
    const { customer, bookingId } = await customerWithBooking();
    const bodies: object[] = [
      {},
      { rating: 0 },
      { rating: 6 },
      { rating: 4.5 },
      { rating: true },
      { rating: 4, comment: 'x'.repeat(2001) },
      { rating: 4, comment: 'bell\u0007' },
      { rating: 4, providerId: provider.providerId },
      { rating: 4, images: ['https://example.com/a.jpg'] },
    ];
    for (const body of bodies) {
      const res = await review(customer, bookingId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    const rows = await db().select().from(reviews).where(eq(reviews.bookingId, bookingId));
    expect(rows).toHaveLength(0);
    await review(customer, bookingId, { rating: 4, comment: 'x'.repeat(2000) }).expect(201);
  });

  it('when several customers review one provider, at once or one by one, then the average and count are exact', async () => {
    const own = await signedInProvider(app);
    const ratings = [5, 4, 4, 3, 5, 1, 2, 5, 4, 4, 3, 5];
    const parties = await Promise.all(ratings.map(() => customerWithBooking(own)));
    // The first three one by one, the rest all at once.
    for (const index of [0, 1, 2]) {
      await review(parties[index]!.customer, parties[index]!.bookingId, {
        rating: ratings[index],
      }).expect(201);
    }
    expect(await ratingOf(own.providerId)).toEqual({ average: 4.33, count: 3 });
    const results = await Promise.all(
      parties
        .slice(3)
        .map(({ customer, bookingId }, index) =>
          review(customer, bookingId, { rating: ratings[index + 3] }),
        ),
    );
    expect(results.map((r) => r.status)).toEqual(ratings.slice(3).map(() => 201));
    const sum = ratings.reduce((a, b) => a + b, 0);
    expect(sum).toBe(45);
    // 45 / 12 = 3.75
    expect(await ratingOf(own.providerId)).toEqual({ average: 3.75, count: 12 });
  });

  it('when images are attached, then each is re-encoded to WebP without metadata and counted against the quota', async () => {
    const { customer, bookingId } = await customerWithBooking();
    const image = await jpeg();
    const res = await request(app.url)
      .post(`/api/bookings/${bookingId}/review`)
      .set(auth(customer))
      .field('rating', '5')
      .field('comment', 'Before and after')
      .attach('images', image, { filename: 'before.jpg', contentType: 'image/jpeg' })
      .attach('images', image, { filename: 'after.jpg', contentType: 'image/jpeg' })
      .expect(201);
    expect(res.body.data).toMatchObject({ rating: 5, comment: 'Before and after' });
    const images = res.body.data.images as { url: string; thumbnailUrl: string }[];
    expect(images).toHaveLength(2);
    for (const { url, thumbnailUrl } of images) {
      expect(url).toMatch(new RegExp(`^/uploads/reviews/${bookingId}/[0-9a-f-]{36}-1280\\.webp$`));
      const served = await request(app.url).get(url).expect(200);
      const meta = await sharp(served.body as Buffer).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: 1280, height: 960 });
      expect(meta.exif).toBeUndefined();
      await request(app.url).get(thumbnailUrl).expect(200);
    }
    const files = await db()
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.ownerId, customer.userId));
    expect(files).toHaveLength(4);
    expect(files.every((file) => file.purpose === 'review_image')).toBe(true);
  });

  it('when a text file is renamed .jpg, or more than five images are sent, then it is refused and nothing is stored', async () => {
    const { customer, bookingId } = await customerWithBooking();
    const fake = await request(app.url)
      .post(`/api/bookings/${bookingId}/review`)
      .set(auth(customer))
      .field('rating', '5')
      .attach('images', await jpeg(), { filename: 'ok.jpg', contentType: 'image/jpeg' })
      .attach('images', Buffer.from('not an image at all\n'.repeat(30)), {
        filename: 'photo.jpg',
        contentType: 'image/jpeg',
      })
      .expect(415);
    expect(fake.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const image = await jpeg();
    let tooMany = request(app.url)
      .post(`/api/bookings/${bookingId}/review`)
      .set(auth(customer))
      .field('rating', '5');
    for (let i = 0; i < 6; i += 1)
      tooMany = tooMany.attach('images', image, {
        filename: `${i}.jpg`,
        contentType: 'image/jpeg',
      });
    expect((await tooMany).status).toBe(400);
    const badRating = await request(app.url)
      .post(`/api/bookings/${bookingId}/review`)
      .set(auth(customer))
      .field('rating', 'five')
      .attach('images', image, { filename: 'a.jpg', contentType: 'image/jpeg' });
    expect(badRating.status).toBe(400);
    expect(await db().select().from(reviews).where(eq(reviews.bookingId, bookingId))).toEqual([]);
    expect(
      await db().select().from(storedFiles).where(eq(storedFiles.ownerId, customer.userId)),
    ).toEqual([]);
  });

  it('when the provider replies, then it is shown with the review; a second reply is 409 and other providers get 404', async () => {
    const own = await signedInProvider(app);
    const { customer, bookingId } = await customerWithBooking(own);
    const created = await review(customer, bookingId, { rating: 3 }).expect(201);
    const id = created.body.data.id as string;
    const reply = (who: SignedIn, body: object) =>
      request(app.url).post(`/api/reviews/${id}/reply`).set(auth(who)).send(body);

    await reply(own, { reply: '' }).expect(400);
    await reply(own, { reply: 'x'.repeat(2001) }).expect(400);
    await reply(own, { reply: 'Thanks', rating: 5 }).expect(400);
    await reply(provider, { reply: 'Not mine' }).expect(404);
    await reply(customer, { reply: 'I am the customer' }).expect(403);
    await request(app.url)
      .post('/api/reviews/00000000-0000-4000-8000-000000000000/reply')
      .set(auth(own))
      .send({ reply: 'Hello' })
      .expect(404);

    const res = await reply(own, { reply: 'Sorry about the delay, thank you!' }).expect(201);
    expect(res.body.data.reply).toMatchObject({ text: 'Sorry about the delay, thank you!' });
    const second = await reply(own, { reply: 'Another' }).expect(409);
    expect(second.body.error.code).toBe('CONFLICT');
    const list = await request(app.url).get(`/api/providers/${own.providerId}/reviews`).expect(200);
    expect(list.body.data[0].reply.text).toBe('Sorry about the delay, thank you!');
  });

  it('when reviews are listed, then newest first, paginated, without hidden ones; unknown providers 404', async () => {
    const own = await signedInProvider(app);
    const ids: string[] = [];
    for (const rating of [5, 4, 3]) {
      const { customer, bookingId } = await customerWithBooking(own);
      ids.push((await review(customer, bookingId, { rating }).expect(201)).body.data.id as string);
    }
    await db()
      .update(reviews)
      .set({ isHidden: true, hiddenReason: 'abusive' })
      .where(eq(reviews.id, ids[1]!));
    const first = await request(app.url)
      .get(`/api/providers/${own.providerId}/reviews?limit=1`)
      .expect(200);
    const idsOf = (body: unknown) => (body as { data: { id: string }[] }).data.map((r) => r.id);
    expect(idsOf(first.body)).toEqual([ids[2]]);
    expect(first.body.meta).toEqual({ page: 1, limit: 1, total: 2, hasNext: true });
    const second = await request(app.url)
      .get(`/api/providers/${own.providerId}/reviews?limit=1&page=2`)
      .expect(200);
    expect(idsOf(second.body)).toEqual([ids[0]]);
    expect(second.body.meta.hasNext).toBe(false);
    await request(app.url).get(`/api/providers/${own.providerId}/reviews?limit=0`).expect(400);
    await request(app.url).get(`/api/providers/${own.providerId}/reviews?sort=old`).expect(400);
    const clamped = await request(app.url)
      .get(`/api/providers/${own.providerId}/reviews?limit=1000`)
      .expect(200);
    expect(clamped.body.meta.limit).toBe(50);
    await request(app.url)
      .get('/api/providers/00000000-0000-4000-8000-000000000000/reviews')
      .expect(404);
  });
});
