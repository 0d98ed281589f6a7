import { and, asc, eq, gt, isNotNull, like, notExists, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../client';
import {
  providerAvailability,
  providerAvailabilityExceptions,
  providers,
  providerServiceAreas,
  providerServices,
} from '../schema/providers';
import { serviceCategories, serviceSubcategories } from '../schema/taxonomy';
import { users } from '../schema/users';
import { DEMO_EMAIL_DOMAIN } from './demo-users';
import { BATCH_SIZE, chunks } from './batches';
import { demoProvider, type SeedCategory } from './demo-providers';
import { hashOf } from './hash';
import { seededRandom } from './random';

/** The active taxonomy as stored (admins may have edited prices), bookable subcategories only. */
const loadTaxonomy = async (db: Db): Promise<SeedCategory[]> => {
  const rows = await db
    .select({
      categorySlug: serviceCategories.slug,
      categoryName: serviceCategories.nameEn,
      slug: serviceSubcategories.slug,
      nameEn: serviceSubcategories.nameEn,
      unit: serviceSubcategories.unit,
      priceMinPaise: serviceSubcategories.priceMinPaise,
      priceMaxPaise: serviceSubcategories.priceMaxPaise,
    })
    .from(serviceSubcategories)
    .innerJoin(serviceCategories, eq(serviceCategories.slug, serviceSubcategories.categorySlug))
    .where(
      and(
        eq(serviceCategories.isActive, true),
        eq(serviceSubcategories.isActive, true),
        gt(serviceSubcategories.priceMaxPaise, 0),
      ),
    )
    .orderBy(asc(serviceCategories.sortOrder), asc(serviceSubcategories.sortOrder));
  const categories = new Map<string, SeedCategory>();
  for (const { categorySlug, categoryName, ...sub } of rows) {
    const category = categories.get(categorySlug) ?? {
      slug: categorySlug,
      nameEn: categoryName,
      subcategories: [],
    };
    category.subcategories.push(sub);
    categories.set(categorySlug, category);
  }
  return [...categories.values()];
};

/**
 * Gives every demo provider-role user without one a provider record with services, a service
 * area, a weekly schedule and sometimes leave. Users that already have one are skipped, so
 * running it again adds nothing. Returns how many providers were added.
 */
export const seedDemoProviders = async (
  db: Db,
  { randomSeed, today = new Date() }: { randomSeed: number; today?: Date },
): Promise<number> => {
  const taxonomy = await loadTaxonomy(db);
  if (taxonomy.length === 0) return 0;
  let added = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const owners = await db
      .select({
        id: users.id,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        city: users.city,
        pincode: users.pincode,
        latitude: users.latitude,
        longitude: users.longitude,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(
        and(
          eq(users.role, 'provider'),
          gt(users.id, after),
          like(users.email, `%@${DEMO_EMAIL_DOMAIN}`),
          isNotNull(users.city),
          isNotNull(users.pincode),
          isNotNull(users.latitude),
          notExists(
            db
              .select({ one: sql`1` })
              .from(providers)
              .where(eq(providers.userId, users.id)),
          ),
        ),
      )
      .orderBy(asc(users.id))
      .limit(BATCH_SIZE);
    if (owners.length === 0) return added;
    after = owners.at(-1)!.id;
    const businesses = owners.map(
      ({ id, email, city, pincode, latitude, longitude, createdAt, ...names }) => ({
        userId: id,
        // Registered as a business on the day the owner signed up.
        createdAt,
        ...demoProvider(
          { ...names, city: city!, pincode: pincode!, latitude: latitude!, longitude: longitude! },
          { random: seededRandom(randomSeed ^ hashOf(email)), taxonomy, today },
        ),
      }),
    );
    // One transaction per batch: a provider never exists without its services and schedule.
    await inTransaction(db, async (tx) => {
      const created = await tx
        .insert(providers)
        .values(
          businesses.map(({ userId, createdAt, provider }) => ({ userId, createdAt, ...provider })),
        )
        .returning({ id: providers.id, userId: providers.userId });
      const idOf = new Map(created.map((row) => [row.userId, row.id]));
      const owned = <T>(pick: (b: (typeof businesses)[number]) => T[]) =>
        businesses.flatMap((b) =>
          pick(b).map((row) => ({ ...row, providerId: idOf.get(b.userId)! })),
        );
      for (const rows of chunks(owned((b) => b.services)))
        await tx.insert(providerServices).values(rows);
      for (const rows of chunks(owned((b) => [b.area])))
        await tx.insert(providerServiceAreas).values(rows);
      for (const rows of chunks(owned((b) => b.slots)))
        await tx.insert(providerAvailability).values(rows);
      for (const rows of chunks(owned((b) => b.leaves)))
        await tx.insert(providerAvailabilityExceptions).values(rows);
    });
    added += owners.length;
  }
};
