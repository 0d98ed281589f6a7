import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providers } from '../../db/schema/providers';
import { users } from '../../db/schema/users';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  registration,
  seedTestTaxonomy,
  signedInCustomer,
  signedInProvider,
} from './provider-test-support';

type Details = { path: string; code: string; suggestions?: string[] }[];
const detailsOf = (res: request.Response) => res.body.error.details as Details;

describe('providers: registration, profile, services, areas, public page', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
  });
  afterAll(() => app.close());
  const db = () => app.runtime.database.db;

  it('when a customer registers, then their role becomes provider and the profile exists', async () => {
    const user = await signedInCustomer(app);
    const res = await request(app.url)
      .post('/api/providers/register')
      .set(auth(user))
      .send(registration())
      .expect(201);
    expect(res.body.data).toMatchObject({
      businessName: 'Mehta Plumbing Works',
      rating: { average: 0, count: 0 },
      isVerified: false,
      isActive: true,
      timeZone: 'Asia/Kolkata',
      services: [{ title: 'Tap repair', basePricePaise: 29_900, currency: 'INR', unit: 'service' }],
      serviceAreas: [{ city: 'Bengaluru', pincodes: ['560034'], radiusKm: 5 }],
    });
    const [row] = await db()
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, user.userId));
    expect(row?.role).toBe('provider');
    // The same access token now carries provider rights: the guard reads the current role.
    const profile = await request(app.url)
      .get('/api/providers/profile')
      .set(auth(user))
      .expect(200);
    expect(profile.body.data.id).toBe(res.body.data.id);
  });

  it('when a provider registers again, then 409', async () => {
    const provider = await signedInProvider(app);
    await request(app.url)
      .post('/api/providers/register')
      .set(auth(provider))
      .send(registration())
      .expect(409);
  });

  it('when registering without signing in, then 401', async () => {
    await request(app.url).post('/api/providers/register').send(registration()).expect(401);
  });

  it('when the category or subcategory is unknown, then 400 names the field', async () => {
    const user = await signedInCustomer(app);
    const badCategory = await request(app.url)
      .post('/api/providers/register')
      .set(auth(user))
      .send(registration({ service: { ...registration().service, categorySlug: 'astrology' } }))
      .expect(400);
    expect(detailsOf(badCategory)[0]!.path).toBe('service.categorySlug');
    const provider = await signedInProvider(app);
    const badSub = await request(app.url)
      .post('/api/providers/services')
      .set(auth(provider))
      .send({ ...registration().service, subcategorySlug: 'geyser-repair' })
      .expect(400);
    expect(detailsOf(badSub)[0]!.path).toBe('subcategorySlug');
  });

  it('when the price is negative or fractional, the unit unknown, or rating/isVerified sent, then 400', async () => {
    const provider = await signedInProvider(app);
    const service = registration().service;
    for (const body of [
      { ...service, basePricePaise: -100 },
      { ...service, basePricePaise: 0 },
      { ...service, basePricePaise: 299.5 },
      { ...service, unit: 'litre' },
      { ...service, isVerified: true },
    ]) {
      await request(app.url)
        .post('/api/providers/services')
        .set(auth(provider))
        .send(body)
        .expect(400);
    }
    for (const body of [{ rating: 5 }, { isVerified: true }, { isActive: false }]) {
      const res = await request(app.url)
        .put('/api/providers/profile')
        .set(auth(provider))
        .send(body)
        .expect(400);
      expect(detailsOf(res)[0]!.code).toBe('unrecognized_keys');
    }
    await request(app.url)
      .post('/api/providers/register')
      .set(auth(await signedInCustomer(app)))
      .send(registration({ rating: { average: 5, count: 100 } }))
      .expect(400);
  });

  it('when a provider manages services, then it sees and changes only its own; others get 404 and customers 403', async () => {
    const owner = await signedInProvider(app);
    const other = await signedInProvider(app);
    const customer = await signedInCustomer(app);
    const created = await request(app.url)
      .post('/api/providers/services')
      .set(auth(owner))
      .send({
        ...registration().service,
        title: 'Drain unblocking',
        basePricePaise: 49_900,
        unit: 'hour',
      })
      .expect(201);
    const id = created.body.data.id as string;
    expect(created.body.data).toMatchObject({ unit: 'hour', currency: 'INR', isActive: true });

    const list = await request(app.url).get('/api/providers/services').set(auth(owner)).expect(200);
    expect(list.body.data).toHaveLength(2);

    await request(app.url)
      .put(`/api/providers/services/${id}`)
      .set(auth(other))
      .send({ basePricePaise: 1 })
      .expect(404);
    await request(app.url).delete(`/api/providers/services/${id}`).set(auth(other)).expect(404);
    await request(app.url)
      .delete('/api/providers/services/not-a-uuid')
      .set(auth(owner))
      .expect(404);
    await request(app.url).get('/api/providers/services').set(auth(customer)).expect(403);
    await request(app.url)
      .put(`/api/providers/services/${id}`)
      .set(auth(customer))
      .send({ basePricePaise: 1 })
      .expect(403);

    const updated = await request(app.url)
      .put(`/api/providers/services/${id}`)
      .set(auth(owner))
      .send({ basePricePaise: 59_900, isActive: false })
      .expect(200);
    expect(updated.body.data).toMatchObject({ basePricePaise: 59_900, isActive: false });
    await request(app.url).delete(`/api/providers/services/${id}`).set(auth(owner)).expect(204);
    await request(app.url).delete(`/api/providers/services/${id}`).set(auth(owner)).expect(404);
  });

  it('when a service area is given by pincode or by locality, then it is resolved to a city and centre', async () => {
    const provider = await signedInProvider(app);
    const byPincode = await request(app.url)
      .post('/api/providers/service-areas')
      .set(auth(provider))
      .send({ pincodes: ['400050'], radiusKm: 3 })
      .expect(201);
    expect(byPincode.body.data.city).toBe('Mumbai');
    expect(byPincode.body.data.centre.lat).toBeCloseTo(19.06, 1);
    expect(byPincode.body.data.centre.lng).toBeCloseTo(72.83, 1);

    const byLocality = await request(app.url)
      .post('/api/providers/service-areas')
      .set(auth(provider))
      .send({ localities: ['Koramangala'], radiusKm: 2.5 })
      .expect(201);
    expect(byLocality.body.data).toMatchObject({
      city: 'Bengaluru',
      pincodes: ['560034'],
      localities: ['Koramangala'],
      radiusKm: 2.5,
    });
    expect(byLocality.body.data.centre.lat).toBeCloseTo(12.93, 1);

    await request(app.url)
      .delete(`/api/providers/service-areas/${byPincode.body.data.id as string}`)
      .set(auth(provider))
      .expect(204);
  });

  it('when a pincode or locality is unknown, then 400 with a suggestion', async () => {
    const provider = await signedInProvider(app);
    const pincode = await request(app.url)
      .post('/api/providers/service-areas')
      .set(auth(provider))
      .send({ pincodes: ['560999'], radiusKm: 3 })
      .expect(400);
    expect(pincode.body.error.code).toBe('VALIDATION_ERROR');
    expect(detailsOf(pincode)[0]).toMatchObject({ path: 'pincodes.0', code: 'unknown_pincode' });
    expect(detailsOf(pincode)[0]!.suggestions!.length).toBeGreaterThan(0);

    const locality = await request(app.url)
      .post('/api/providers/service-areas')
      .set(auth(provider))
      .send({ localities: ['Koramangla'], radiusKm: 3 })
      .expect(400);
    expect(detailsOf(locality)[0]!.suggestions).toContain('Koramangala');

    await request(app.url)
      .post('/api/providers/service-areas')
      .set(auth(provider))
      .send({ pincodes: ['560034'], radiusKm: 80 })
      .expect(400);
  });

  it('when anyone opens the public page, then it has services, areas and first name + initial, but no documents or contact data', async () => {
    const provider = await signedInProvider(app);
    const res = await request(app.url).get(`/api/providers/${provider.providerId}`).expect(200);
    const page = res.body.data as Record<string, unknown>;
    expect(page).toMatchObject({
      businessName: 'Mehta Plumbing Works',
      ownerName: 'Arjun M.',
      isVerified: false,
      rating: { average: 0, count: 0 },
      services: [{ basePricePaise: 29_900, currency: 'INR' }],
      serviceAreas: [{ city: 'Bengaluru', pincodes: ['560034'], radiusKm: 5 }],
    });
    const text = JSON.stringify(page);
    expect(text).not.toContain(provider.email);
    expect(text).not.toContain('Mehta"'); // the last name itself
    expect(page).not.toHaveProperty('documents');
    expect(page).not.toHaveProperty('userId');
    for (const key of ['phone', 'email', 'address']) expect(text).not.toContain(`"${key}"`);
  });

  it('when the provider is inactive or unknown, then the public page is 404', async () => {
    const provider = await signedInProvider(app);
    await db()
      .update(providers)
      .set({ isActive: false })
      .where(eq(providers.id, provider.providerId));
    await request(app.url).get(`/api/providers/${provider.providerId}`).expect(404);
    await request(app.url).get('/api/providers/00000000-0000-4000-8000-000000000000').expect(404);
    await request(app.url).get('/api/providers/nonsense').expect(404);
  });
});
