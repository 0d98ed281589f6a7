import type { Db } from '../../db/client';
import {
  providerAvailability,
  providers,
  providerServiceAreas,
  providerServices,
} from '../../db/schema/providers';
import { insertTestUser } from '../../test-support/accounts';
import type { TestApp } from '../../test-support/test-app';

export type TestService = { category: string; subcategory: string; pricePaise: number };

export type TestProvider = {
  name: string;
  lat: number;
  lng: number;
  radiusKm?: number;
  city?: string;
  services: TestService[];
  rating?: { average: number; count: number };
  verified?: boolean;
  description?: string;
  skills?: string[];
  /** Weekly slots as [day (0 = Sunday), 'HH:MM', 'HH:MM']; default Monday–Saturday 09–18. */
  slots?: [number, string, string][];
};

const WORKING_WEEK: [number, string, string][] = [1, 2, 3, 4, 5, 6].map((day) => [
  day,
  '09:00',
  '18:00',
]);

/** A provider with exact coordinates, written straight to the tables the providers module owns. */
export const insertSearchProvider = async (app: TestApp, spec: TestProvider) => {
  const db: Db = app.runtime.database.db;
  const owner = await insertTestUser(app, { role: 'provider', passwordHash: null });
  return db.transaction(async (tx) => {
    const [provider] = await tx
      .insert(providers)
      .values({
        userId: owner.id,
        businessName: spec.name,
        description: spec.description ?? '',
        aiGeneratedProfile: spec.skills
          ? { summary: `${spec.name}.`, skills: spec.skills, experience: '', specialties: [] }
          : null,
        ratingAverage: spec.rating?.average ?? 0,
        ratingCount: spec.rating?.count ?? 0,
        isVerified: spec.verified ?? false,
      })
      .returning({ id: providers.id });
    const providerId = provider!.id;
    await tx.insert(providerServices).values(
      spec.services.map((service) => ({
        providerId,
        categorySlug: service.category,
        subcategorySlug: service.subcategory,
        title: service.subcategory.replace(/-/gu, ' '),
        basePricePaise: service.pricePaise,
        unit: 'service' as const,
      })),
    );
    await tx.insert(providerServiceAreas).values({
      providerId,
      city: spec.city ?? 'Bengaluru',
      radiusKm: spec.radiusKm ?? 10,
      latitude: spec.lat,
      longitude: spec.lng,
    });
    const slots = spec.slots ?? WORKING_WEEK;
    if (slots.length)
      await tx.insert(providerAvailability).values(
        slots.map(([dayOfWeek, startTime, endTime]) => ({
          providerId,
          dayOfWeek,
          startTime,
          endTime,
        })),
      );
    return { providerId, userId: owner.id };
  });
};

/** Great-circle distance in km on a sphere of the radius `earthdistance` uses. */
export const haversineKm = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const earthRadiusKm = 6378.168;
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.sqrt(h));
};
