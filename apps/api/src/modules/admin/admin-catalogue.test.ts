import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { providers } from '../../db/schema/providers';
import { serviceCategories } from '../../db/schema/taxonomy';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  seedTestTaxonomy,
  signedInCustomer,
  signedInProvider,
  type SignedIn,
} from '../providers/provider-test-support';
import { insertTestBooking } from '../reviews/review-test-support';
import { auditOf, signedInAdmin } from './admin-test-support';

// Each test runs many requests on a shared 2-core machine: the default 30 s is too tight.
vi.setConfig({ testTimeout: 120_000 });

describe('admin API: review moderation and the taxonomy', () => {
  let app: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
    admin = await signedInAdmin(app);
  }, 180_000);
  afterAll(() => app.close());

  const ratingOf = async (providerId: string) => {
    const [row] = await app.runtime.database.db
      .select({ average: providers.ratingAverage, count: providers.ratingCount })
      .from(providers)
      .where(eq(providers.id, providerId));
    return row!;
  };

  it('when an admin hides a review, then the provider’s rating is recomputed without it, the public list drops it, and unhiding restores both', async () => {
    const provider = await signedInProvider(app);
    const reviewIds: string[] = [];
    for (const rating of [5, 1]) {
      const customer = await signedInCustomer(app);
      const bookingId = await insertTestBooking(app, {
        customerId: customer.userId,
        providerId: provider.providerId,
      });
      const res = await request(app.url)
        .post(`/api/bookings/${bookingId}/review`)
        .set(auth(customer))
        .send({ rating, comment: rating === 1 ? 'Call me on 98xxxxxx for a better deal' : 'Good' })
        .expect(201);
      reviewIds.push(res.body.data.id as string);
    }
    expect(await ratingOf(provider.providerId)).toEqual({ average: 3, count: 2 });

    const hide = await request(app.url)
      .post(`/api/admin/reviews/${reviewIds[1]}/hide`)
      .set(auth(admin))
      .send({ reason: 'Advertises a phone number' })
      .expect(200);
    expect(hide.body.data).toMatchObject({
      review: { isHidden: true, hiddenReason: 'Advertises a phone number' },
      providerRating: { average: 5, count: 1 },
    });
    expect(await ratingOf(provider.providerId)).toEqual({ average: 5, count: 1 });
    const publicList = await request(app.url).get(`/api/providers/${provider.providerId}/reviews`);
    expect((publicList.body.data as { id: string }[]).map((r) => r.id)).toEqual([reviewIds[0]]);

    const hidden = await request(app.url)
      .get('/api/admin/reviews')
      .set(auth(admin))
      .query({ providerId: provider.providerId, hidden: 'true' })
      .expect(200);
    expect((hidden.body.data as { id: string }[]).map((r) => r.id)).toEqual([reviewIds[1]]);

    await request(app.url)
      .post(`/api/admin/reviews/${reviewIds[1]}/hide`)
      .set(auth(admin))
      .send({ reason: 'Again' })
      .expect(409);
    await request(app.url)
      .post(`/api/admin/reviews/${reviewIds[1]}/unhide`)
      .set(auth(admin))
      .send({ reason: 'Number removed on appeal' })
      .expect(200);
    expect(await ratingOf(provider.providerId)).toEqual({ average: 3, count: 2 });
    const log = await auditOf(app, 'review', reviewIds[1]!);
    expect(log.map((e) => [e.action, e.before, e.after])).toEqual([
      [
        'review.unhide',
        { isHidden: true, hiddenReason: 'Advertises a phone number' },
        { isHidden: false, hiddenReason: null, providerRating: { average: 3, count: 2 } },
      ],
      [
        'review.hide',
        { isHidden: false, hiddenReason: null },
        {
          isHidden: true,
          hiddenReason: 'Advertises a phone number',
          providerRating: { average: 5, count: 1 },
        },
      ],
    ]);
  });

  it('when an admin adds, edits and deactivates taxonomy entries, then the public taxonomy follows and each change is audited', async () => {
    const post = (path: string, body: object) =>
      request(app.url).post(path).set(auth(admin)).send(body);
    const patch = (path: string, body: object) =>
      request(app.url).patch(path).set(auth(admin)).send(body);
    const created = await post('/api/admin/taxonomy/categories', {
      slug: 'solar-panel-cleaning',
      names: { en: 'Solar panel cleaning', hi: 'सोलर पैनल सफाई' },
      description: 'Rooftop solar panels washed and checked',
      unit: 'service',
      priceRange: { minPaise: 49_900, maxPaise: 2_99_900 },
      synonyms: ['solar safai', 'panel wash'],
    }).expect(201);
    expect(created.body.data).toMatchObject({ slug: 'solar-panel-cleaning', isActive: true });
    await post('/api/admin/taxonomy/categories/solar-panel-cleaning/subcategories', {
      slug: 'rooftop-wash',
      names: { en: 'Rooftop wash', hi: 'छत की धुलाई' },
      unit: 'service',
      priceRange: { minPaise: 49_900, maxPaise: 99_900 },
    }).expect(201);
    const publicSlugs = async () =>
      ((await request(app.url).get('/api/taxonomy')).body.data as { slug: string }[]).map(
        (c) => c.slug,
      );
    expect(await publicSlugs()).toContain('solar-panel-cleaning');

    await patch('/api/admin/taxonomy/categories/solar-panel-cleaning/subcategories/rooftop-wash', {
      synonyms: ['chhat dhulai'],
      priceRange: { minPaise: 59_900, maxPaise: 1_09_900 },
    }).expect(200);
    const off = await patch('/api/admin/taxonomy/categories/solar-panel-cleaning', {
      isActive: false,
      reason: 'Not offered by anyone yet',
    }).expect(200);
    expect(off.body.data.subcategories[0]).toMatchObject({
      synonyms: ['chhat dhulai'],
      priceRange: { minPaise: 59_900, maxPaise: 1_09_900 },
    });
    expect(await publicSlugs()).not.toContain('solar-panel-cleaning');
    const log = await auditOf(app, 'category', 'solar-panel-cleaning');
    expect(log.map((e) => e.action)).toEqual([
      'taxonomy.update_category',
      'taxonomy.create_category',
    ]);
    expect(log[0]).toMatchObject({
      before: { isActive: true },
      after: { isActive: false },
      reason: 'Not offered by anyone yet',
    });
    await post('/api/admin/taxonomy/categories', {
      slug: 'solar-panel-cleaning',
      names: { en: 'Again', hi: 'फिर से' },
      unit: 'service',
      priceRange: { minPaise: 1, maxPaise: 2 },
    }).expect(409);
    await patch('/api/admin/taxonomy/categories/no-such-category', { sortOrder: 3 }).expect(404);
  });

  it('when taxonomy input is invalid, then 400 VALIDATION_ERROR names each field and nothing is written', async () => {
    const cases: [object, string][] = [
      [{ slug: 'Bad Slug' }, 'slug'],
      [{ priceRange: { minPaise: 5000, maxPaise: 100 } }, 'priceRange.minPaise'],
      [{ priceRange: { minPaise: 10.5, maxPaise: 100 } }, 'priceRange.minPaise'],
      [{ synonyms: ['nal', 'NAL'] }, 'synonyms'],
      [{ names: { en: 'X', hi: 'एक्स' } }, 'names.en'],
      [{ unit: 'litre' }, 'unit'],
      [{ isActive: false }, 'isActive'],
    ];
    for (const [override, field] of cases) {
      const res = await request(app.url)
        .post('/api/admin/taxonomy/categories')
        .set(auth(admin))
        .send({
          slug: 'water-tank-cleaning-x',
          names: { en: 'Water tank cleaning', hi: 'पानी की टंकी सफाई' },
          unit: 'service',
          priceRange: { minPaise: 49_900, maxPaise: 1_49_900 },
          ...override,
        });
      expect(res.status, field).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(JSON.stringify(res.body.error.details), field).toContain(`"${field}"`);
    }
    const rows = await app.runtime.database.db
      .select({ slug: serviceCategories.slug })
      .from(serviceCategories)
      .where(eq(serviceCategories.slug, 'water-tank-cleaning-x'));
    expect(rows).toEqual([]);
    await request(app.url)
      .patch('/api/admin/taxonomy/categories/plumbing')
      .set(auth(admin))
      .send({ reason: 'Nothing else' })
      .expect(400);
  });
});
