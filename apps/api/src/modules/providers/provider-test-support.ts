import request from 'supertest';
import { serviceCategories, serviceSubcategories } from '../../db/schema/taxonomy';
import { insertTestUser, signIn } from '../../test-support/accounts';
import type { TestApp } from '../../test-support/test-app';

/** The taxonomy rows these tests use, in case the taxonomy seed is not (yet) run at start-up. */
export const seedTestTaxonomy = async (app: TestApp) => {
  const db = app.runtime.database.db;
  await db
    .insert(serviceCategories)
    .values({
      slug: 'plumbing',
      nameEn: 'Plumbing',
      nameHi: 'प्लंबिंग',
      typicalUnit: 'service',
      priceMinPaise: 19_900,
      priceMaxPaise: 99_900,
    })
    .onConflictDoNothing();
  await db
    .insert(serviceSubcategories)
    .values({
      categorySlug: 'plumbing',
      slug: 'tap-repair',
      nameEn: 'Tap repair',
      nameHi: 'नल की मरम्मत',
      unit: 'service',
      priceMinPaise: 19_900,
      priceMaxPaise: 49_900,
    })
    .onConflictDoNothing();
};

export const registration = (overrides: Record<string, unknown> = {}) => ({
  businessName: 'Mehta Plumbing Works',
  description: 'Leaking taps and blocked drains fixed the same day.',
  service: {
    categorySlug: 'plumbing',
    subcategorySlug: 'tap-repair',
    title: 'Tap repair',
    basePricePaise: 29_900,
  },
  serviceArea: { pincodes: ['560034'], radiusKm: 5 },
  ...overrides,
});

export type SignedIn = { userId: string; token: string; email: string };

export const signedInCustomer = async (app: TestApp): Promise<SignedIn> => {
  const user = await insertTestUser(app);
  const session = await signIn(app, user.email);
  return { userId: user.id, token: session.accessToken, email: user.email };
};

/** A customer who registered as a provider; `providerId` is the public page's id. */
export const signedInProvider = async (app: TestApp) => {
  const user = await signedInCustomer(app);
  const res = await request(app.url)
    .post('/api/providers/register')
    .set('Authorization', `Bearer ${user.token}`)
    .send(registration());
  if (res.status !== 201)
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...user, providerId: (res.body as { data: { id: string } }).data.id };
};

export const auth = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });
