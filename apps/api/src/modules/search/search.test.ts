import { eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TProviderCard,
  TSearchProvidersResult,
  TSearchServicesResult,
} from '@localkart/contracts/search';
import type { TPageMeta } from '@localkart/contracts/envelope';
import { queryRows } from '../../db/client';
import { providerServiceAreas } from '../../db/schema/providers';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { auth, registration, signedInProvider } from '../providers/provider-test-support';
import { nearestPageSql } from './search-providers.repo';
import { haversineKm, insertSearchProvider } from './search-test-support';

/** Indiranagar, Bengaluru. */
const HOME = { lat: 12.9719, lng: 77.6412 };
/** A point `km` east of HOME (1° of longitude here is about 108.5 km). */
const east = (km: number) => ({ lat: HOME.lat, lng: HOME.lng + km / 108.5 });
const north = (km: number) => ({ lat: HOME.lat + km / 111.2, lng: HOME.lng });

type Found = { data: TSearchProvidersResult; meta: TPageMeta };

describe('provider search', () => {
  let app: TestApp;

  const search = async (query: Record<string, string | number | boolean>) => {
    const res = await request(app.url)
      .get('/api/search/providers')
      .query({ lat: HOME.lat, lng: HOME.lng, ...query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Found;
  };
  const names = (found: Found) => found.data.providers.map((card) => card.businessName);

  beforeAll(async () => {
    app = await startTestApp();
    const plumbing = (subcategory: string, pricePaise: number) => ({
      category: 'plumbing',
      subcategory,
      pricePaise,
    });
    await insertSearchProvider(app, {
      name: 'Mehta Plumbing Works',
      ...east(1),
      services: [plumbing('tap-repair', 29_900)],
      rating: { average: 4.8, count: 200 },
      verified: true,
      skills: ['Tap repair', 'Leak fixing'],
      description: 'Leaking taps and blocked drains fixed the same day.',
    });
    await insertSearchProvider(app, {
      name: 'Quick Fix Plumbers',
      ...north(3),
      services: [plumbing('pipe-leakage', 19_900)],
      rating: { average: 5, count: 1 },
    });
    await insertSearchProvider(app, {
      name: 'Bright Electricals',
      ...east(2),
      services: [{ category: 'electrical', subcategory: 'wiring', pricePaise: 39_900 }],
      rating: { average: 4.2, count: 30 },
      verified: true,
      description: 'घर की बिजली की वायरिंग और फिटिंग',
    });
    await insertSearchProvider(app, {
      name: 'Faraway Plumbing',
      ...east(15),
      radiusKm: 20,
      services: [plumbing('tap-repair', 24_900)],
    });
    await insertSearchProvider(app, {
      name: 'Stay Close Plumbing',
      ...north(4),
      radiusKm: 2,
      services: [plumbing('tap-repair', 9_900)],
    });
    await insertSearchProvider(app, {
      name: 'Sunday Sparkle Cleaners',
      ...north(2),
      services: [
        { category: 'home-cleaning', subcategory: 'regular-cleaning', pricePaise: 49_900 },
      ],
      slots: [[0, '08:00', '12:00']],
    });
  });
  afterAll(() => app.close());

  it('when no sort is given, then providers come nearest first, each within its own service radius and the search radius', async () => {
    const found = await search({});
    expect(names(found)).toEqual([
      'Mehta Plumbing Works',
      'Bright Electricals',
      'Sunday Sparkle Cleaners',
      'Quick Fix Plumbers',
    ]);
    expect(found.meta).toEqual({ page: 1, limit: 20, total: 4, hasNext: false });
    expect(found.data.location).toEqual({ ...HOME, label: 'Your location' });

    const wider = await search({ radiusKm: 20 });
    expect(names(wider)).toContain('Faraway Plumbing');
    // 4 km away, but it serves only 2 km around its base.
    expect(names(wider)).not.toContain('Stay Close Plumbing');
  });

  it('when distances are returned, then they agree with the haversine distance to 0.1 km, to the area centre each card carries', async () => {
    const found = await search({ radiusKm: 20 });
    const expected: Record<string, { lat: number; lng: number }> = {
      'Mehta Plumbing Works': east(1),
      'Bright Electricals': east(2),
      'Quick Fix Plumbers': north(3),
      'Faraway Plumbing': east(15),
    };
    for (const card of found.data.providers) {
      const point = expected[card.businessName];
      if (!point) continue;
      expect(Math.abs(card.distanceKm - haversineKm(HOME, point))).toBeLessThan(0.06);
      expect(haversineKm(card.areaCentre, point)).toBeLessThan(0.001);
    }
    expect(found.data.providers.filter((card) => expected[card.businessName])).toHaveLength(4);
  });

  it('when cards are listed in any order, then each carries its summary and skills from the profile', async () => {
    for (const sort of ['distance', 'rating'] as const) {
      const found = await search({ sort });
      const card = (name: string) =>
        found.data.providers.find((provider) => provider.businessName === name);
      expect(card('Mehta Plumbing Works')).toMatchObject({
        summary: 'Mehta Plumbing Works.',
        skills: ['Tap repair', 'Leak fixing'],
      });
      // No AI profile: the provider's own description, no skills.
      expect(card('Bright Electricals')).toMatchObject({
        summary: 'घर की बिजली की वायरिंग और फिटिंग',
        skills: [],
      });
    }
  });

  it('when filters are given, then only providers passing every filter are listed', async () => {
    expect(names(await search({ category: 'plumbing' }))).toEqual([
      'Mehta Plumbing Works',
      'Quick Fix Plumbers',
    ]);
    expect(names(await search({ category: 'plumbing', subcategory: 'pipe-leakage' }))).toEqual([
      'Quick Fix Plumbers',
    ]);
    expect(names(await search({ minRating: 4.5 }))).toEqual([
      'Mehta Plumbing Works',
      'Quick Fix Plumbers',
    ]);
    expect(names(await search({ maxPrice: 30_000 }))).toEqual([
      'Mehta Plumbing Works',
      'Quick Fix Plumbers',
    ]);
    expect(names(await search({ verifiedOnly: true }))).toEqual([
      'Mehta Plumbing Works',
      'Bright Electricals',
    ]);
  });

  it('when availableOn is given, then only providers working that day (and time) are listed', async () => {
    // 2030-06-02 is a Sunday, 2030-06-03 a Monday.
    expect(names(await search({ availableOn: '2030-06-02' }))).toEqual(['Sunday Sparkle Cleaners']);
    expect(names(await search({ availableOn: '2030-06-02', time: '13:00' }))).toEqual([]);
    expect(names(await search({ availableOn: '2030-06-03', time: '10:30' }))).toEqual([
      'Mehta Plumbing Works',
      'Bright Electricals',
      'Quick Fix Plumbers',
    ]);
  });

  it('when sorted by rating, then 200 reviews of 4.8★ outrank one review of 5★', async () => {
    const found = await search({ category: 'plumbing', sort: 'rating' });
    expect(names(found)).toEqual(['Mehta Plumbing Works', 'Quick Fix Plumbers']);
  });

  it('when sorted by price, then the cheapest starting price comes first', async () => {
    const found = await search({ sort: 'price' });
    const prices = found.data.providers.map((card) => card.priceFrom.paise);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(found.data.providers[0]!.businessName).toBe('Quick Fix Plumbers');
  });

  it('when a page is asked for, then meta tells the total and whether another page follows', async () => {
    const first = await search({ limit: 3 });
    expect(first.meta).toEqual({ page: 1, limit: 3, total: 4, hasNext: true });
    const second = await search({ limit: 3, page: 2 });
    expect(second.meta).toEqual({ page: 2, limit: 3, total: 4, hasNext: false });
    expect(names(second)).toEqual(['Quick Fix Plumbers']);
    const beyond = await search({ limit: 3, page: 3 });
    expect(beyond.meta).toEqual({ page: 3, limit: 3, total: 4, hasNext: false });
    expect(names(beyond)).toEqual([]);
    const clamped = await search({ limit: 500 });
    expect(clamped.meta.limit).toBe(50);
  });

  it('when the words are misspelt, then providers are still found ("plumbr", "elecrician")', async () => {
    expect(names(await search({ q: 'plumbr' }))).toEqual(
      expect.arrayContaining(['Mehta Plumbing Works', 'Quick Fix Plumbers']),
    );
    expect(names(await search({ q: 'plumbr' }))).not.toContain('Bright Electricals');
    expect(names(await search({ q: 'elecrician' }))[0]).toBe('Bright Electricals');
  });

  it('when the words are Hindi or Hinglish, then the right trade is found', async () => {
    expect(names(await search({ q: 'बिजली' }))[0]).toBe('Bright Electricals');
    const hinglish = names(await search({ q: 'nal theek karne wala' }));
    expect(hinglish[0]).toBe('Mehta Plumbing Works');
    expect(hinglish).not.toContain('Bright Electricals');
  });

  it('when a business name is typed, then that provider comes first', async () => {
    expect(names(await search({ q: 'Mehta' }))).toEqual(['Mehta Plumbing Works']);
  });

  it('when searching by pincode or locality, then the place is resolved to a point', async () => {
    const res = await request(app.url)
      .get('/api/search/providers')
      .query({ pincode: '560008', category: 'plumbing' });
    expect(res.status).toBe(200);
    const data = (res.body as Found).data;
    expect(data.location.label).toBe('560008');
    expect(haversineKm(data.location, HOME)).toBeLessThan(3);
    expect(data.providers.map((card: TProviderCard) => card.businessName)).toContain(
      'Mehta Plumbing Works',
    );
    const byLocality = await request(app.url)
      .get('/api/search/providers')
      .query({ locality: 'koramangala' });
    expect(byLocality.status).toBe(200);
    expect((byLocality.body as Found).data.location.label).toBe('Koramangala, Bengaluru');
  });

  it('when the input is invalid, then 400 VALIDATION_ERROR names the field', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ lat: '12.9' }, 'lng'],
      [{ lat: '12.9', lng: '77.6', pincode: '560008' }, 'location'],
      [{}, 'location'],
      [{ pincode: '999999' }, 'pincode'],
      [{ lat: '12.9', lng: '77.6', radiusKm: '51' }, 'radiusKm'],
      [{ lat: '12.9', lng: '77.6', sort: 'cheapest' }, 'sort'],
      [{ lat: '12.9', lng: '77.6', subcategory: 'tap-repair' }, 'subcategory'],
      [{ lat: '12.9', lng: '77.6', time: '10:00' }, 'time'],
      [{ lat: '12.9', lng: '77.6', colour: 'red' }, ''],
    ];
    for (const [query, field] of cases) {
      const res = await request(app.url).get('/api/search/providers').query(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      if (field)
        expect(JSON.stringify(res.body.error.details), JSON.stringify(query)).toContain(field);
    }
  });

  it('when a provider or its owner is deactivated, then the search index drops it in the same transaction', async () => {
    const db = app.runtime.database.db;
    const { providerId, userId } = await insertSearchProvider(app, {
      name: 'Short Lived Carpentry',
      ...north(1),
      services: [{ category: 'carpentry', subcategory: 'door-repair', pricePaise: 30_000 }],
    });
    const listed = async (radiusKm: number) =>
      names(await search({ category: 'carpentry', radiusKm }));
    expect(await listed(5)).toEqual(['Short Lived Carpentry']);
    await db.execute(sql`UPDATE users SET is_active = false WHERE id = ${userId}`);
    expect(await listed(6)).toEqual([]);
    await db.execute(sql`UPDATE users SET is_active = true WHERE id = ${userId}`);
    expect(await listed(7)).toEqual(['Short Lived Carpentry']);
    await db.execute(sql`UPDATE providers SET is_active = false WHERE id = ${providerId}`);
    // Different radii: each a fresh query, so this reads the index, not the result cache.
    expect(await listed(8)).toEqual([]);
  });

  it('when the plan is explained, then the distance search walks the (category, point) GiST index', async () => {
    const rows = await app.runtime.database.db.transaction(async (tx) => {
      // A handful of rows would be read sequentially anyway; ask what the index path looks like.
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return queryRows<{ 'QUERY PLAN': string }>(
        tx,
        sql`EXPLAIN SELECT e.provider_id FROM provider_search_entries e
            WHERE e.category_slug = 'plumbing'
              AND earth_box(ll_to_earth(${HOME.lat}, ${HOME.lng}), 10000) @> ll_to_earth(e.latitude, e.longitude)
            ORDER BY ll_to_earth(e.latitude, e.longitude) <-> ll_to_earth(${HOME.lat}, ${HOME.lng})
            LIMIT 20`,
      );
    });
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toContain('provider_search_entries_category_point_gist');
    expect(plan).not.toMatch(/Seq Scan|Sort/u);
  });

  it('when the default search reuses a prepared plan, then it still walks the GiST index nearest first and computes the point once', async () => {
    const statement = new PgDialect().sqlToQuery(
      nearestPageSql(
        { point: HOME, radiusKm: 10, category: 'plumbing', sort: 'distance', limit: 20, offset: 0 },
        100,
      ),
    );
    const literal = (value: unknown) =>
      typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
    const rows = await app.runtime.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL plan_cache_mode = force_generic_plan`);
      await tx.execute(sql.raw(`PREPARE nearest_page AS ${statement.sql}`));
      const explained = await queryRows<{ 'QUERY PLAN': string }>(
        tx,
        sql.raw(`EXPLAIN EXECUTE nearest_page(${statement.params.map(literal).join(', ')})`),
      );
      await tx.execute(sql`DEALLOCATE nearest_page`);
      return explained;
    });
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toContain('provider_search_entries_category_point_gist');
    expect(plan).toMatch(/Order By: .*<->/u);
    // ll_to_earth of a parameter outside an InitPlan would be computed again for every row.
    expect(plan).not.toMatch(/ll_to_earth\(\$\d/u);
  });

  it('when providers serve a point, then the services list counts them per category and subcategory', async () => {
    const res = await request(app.url).get('/api/search/services').query(HOME);
    expect(res.status).toBe(200);
    const categories = (res.body as { data: TSearchServicesResult }).data.categories;
    const plumbing = categories.find((category) => category.slug === 'plumbing')!;
    expect(plumbing.providerCount).toBe(2);
    expect(plumbing.subcategories.find((sub) => sub.slug === 'tap-repair')!.providerCount).toBe(1);
    expect(categories.find((category) => category.slug === 'carpentry')!.providerCount).toBe(0);
  });
});

describe('search cache', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when a provider changes its name or drops a service, then a cached search shows it at once', async () => {
    const provider = await signedInProvider(app);
    const where = { pincode: registration().serviceArea.pincodes[0]!, category: 'plumbing' };
    const listed = async () => {
      const res = await request(app.url).get('/api/search/providers').query(where);
      return (res.body as Found).data.providers.map((card) => card.businessName);
    };
    expect(await listed()).toEqual(['Mehta Plumbing Works']);
    expect(await listed()).toEqual(['Mehta Plumbing Works']);

    await request(app.url)
      .put('/api/providers/profile')
      .set(auth(provider))
      .send({ businessName: 'Mehta & Sons Plumbing' })
      .expect(200);
    expect(await listed()).toEqual(['Mehta & Sons Plumbing']);

    const services = await request(app.url).get('/api/providers/services').set(auth(provider));
    const [service] = (services.body as { data: { id: string }[] }).data;
    await request(app.url)
      .delete(`/api/providers/services/${service!.id}`)
      .set(auth(provider))
      .expect(204);
    expect(await listed()).toEqual([]);
  });
});

describe('provider search: a provider with several service areas', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Areas are changed in SQL below, past the API that would invalidate cached searches.
    app = await startTestApp({ env: { SEARCH_CACHE_ENABLED: 'false' } });
  });
  afterAll(() => app.close());

  const cardsNear = async (query: Record<string, string | number>) => {
    const res = await request(app.url)
      .get('/api/search/providers')
      .query({ lat: HOME.lat, lng: HOME.lng, radiusKm: 20, ...query })
      .expect(200);
    return (res.body as Found).data.providers;
  };

  it('when several of its areas cover the point, then it is listed once, at the nearest; with one left, at that one', async () => {
    const { providerId } = await insertSearchProvider(app, {
      name: 'Two Shops Plumbing',
      ...east(6),
      services: [{ category: 'plumbing', subcategory: 'tap-repair', pricePaise: 29_900 }],
    });
    const db = app.runtime.database.db;
    const [nearer] = await db
      .insert(providerServiceAreas)
      .values({
        providerId,
        city: 'Bengaluru',
        radiusKm: 10,
        latitude: north(2).lat,
        longitude: north(2).lng,
      })
      .returning({ id: providerServiceAreas.id });
    for (const query of [{ category: 'plumbing' }, {}] as Record<string, string>[]) {
      const cards = await cardsNear(query);
      expect(cards.map((card) => card.businessName)).toEqual(['Two Shops Plumbing']);
      expect(Math.abs(cards[0]!.distanceKm - haversineKm(HOME, north(2)))).toBeLessThan(0.06);
    }

    await db.delete(providerServiceAreas).where(eq(providerServiceAreas.id, nearer!.id));
    const cards = await cardsNear({ category: 'plumbing' });
    expect(cards).toHaveLength(1);
    expect(Math.abs(cards[0]!.distanceKm - haversineKm(HOME, east(6)))).toBeLessThan(0.06);
  });
});
