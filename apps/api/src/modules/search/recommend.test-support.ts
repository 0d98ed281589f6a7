import {
  providerAvailability,
  providers,
  providerServiceAreas,
  providerServices,
} from '../../db/schema/providers';
import { insertTestUser } from '../../test-support/accounts';
import type { TestApp } from '../../test-support/test-app';

/** Indiranagar, Bengaluru. */
export const HERE = { lat: 12.9784, lng: 77.6408 };

export type TestProvider = {
  name: string;
  category?: string;
  subcategory?: string;
  pricePaise?: number;
  rating?: { average: number; count: number };
  /** Hours worked every day of the week. */
  hours?: [string, string];
  /** North of HERE, in km. */
  km?: number;
};

/** A provider straight into the tables (the search read model follows by trigger). */
export const insertProvider = async (app: TestApp, p: TestProvider): Promise<string> => {
  const db = app.runtime.database.db;
  const user = await insertTestUser(app, { role: 'provider', passwordHash: 'x' });
  const [row] = await db
    .insert(providers)
    .values({
      userId: user.id,
      businessName: p.name,
      description: `${p.name}: ${p.subcategory ?? 'tap repair'} done well.`,
      ratingAverage: p.rating?.average ?? 0,
      ratingCount: p.rating?.count ?? 0,
      isVerified: true,
    })
    .returning({ id: providers.id });
  const providerId = row!.id;
  const [start, end] = p.hours ?? ['08:00', '21:00'];
  await db.insert(providerAvailability).values(
    [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
      providerId,
      dayOfWeek,
      startTime: start,
      endTime: end,
    })),
  );
  await db.insert(providerServiceAreas).values({
    providerId,
    city: 'Bengaluru',
    pincodes: ['560038'],
    radiusKm: 10,
    latitude: HERE.lat + (p.km ?? 1) / 111,
    longitude: HERE.lng,
  });
  await db.insert(providerServices).values({
    providerId,
    categorySlug: p.category ?? 'plumbing',
    subcategorySlug: p.subcategory ?? 'tap-repair',
    title: 'Service',
    basePricePaise: p.pricePaise ?? 30_000,
    unit: 'service',
  });
  return providerId;
};
