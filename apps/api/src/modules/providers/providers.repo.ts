import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';
import { providers, providerServiceAreas, providerServices } from '../../db/schema/providers';
import { users } from '../../db/schema/users';
import { cardDetailsColumnsSql, type CardDetailsRow } from './card-details';

const providerColumns = {
  id: providers.id,
  userId: providers.userId,
  businessName: providers.businessName,
  description: providers.description,
  aiGeneratedProfile: providers.aiGeneratedProfile,
  ratingAverage: providers.ratingAverage,
  ratingCount: providers.ratingCount,
  isVerified: providers.isVerified,
  isActive: providers.isActive,
  timeZone: providers.timeZone,
  createdAt: providers.createdAt,
};
export type ProviderRow = {
  [K in keyof typeof providerColumns]: (typeof providers.$inferSelect)[K];
};
export type NewProviderRow = typeof providers.$inferInsert;
export type ProviderPatch = Partial<
  Pick<NewProviderRow, 'businessName' | 'description' | 'timeZone'>
>;

export const insertProvider = async (db: Db, row: NewProviderRow): Promise<ProviderRow> => {
  const [inserted] = await db.insert(providers).values(row).returning(providerColumns);
  return inserted!;
};

export const findProviderByUserId = async (db: Db, userId: string) => {
  const [row] = await db
    .select(providerColumns)
    .from(providers)
    .where(eq(providers.userId, userId));
  return row;
};

/** The provider and its owner's name, if both are active: what the public page may show. */
export const findActiveProviderWithOwner = async (db: Db, id: string) => {
  const [row] = await db
    .select({ ...providerColumns, firstName: users.firstName, lastName: users.lastName })
    .from(providers)
    .innerJoin(users, eq(users.id, providers.userId))
    .where(and(eq(providers.id, id), eq(providers.isActive, true), eq(users.isActive, true)));
  return row;
};

/** Summary text and skills of several providers, for search cards. */
export const listCardDetails = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : queryRows<CardDetailsRow & { id: string }>(
        db,
        sql`SELECT p.id, ${cardDetailsColumnsSql('p')} FROM providers p
          WHERE p.id IN ${ids}`,
      );

export const updateProvider = async (db: Db, id: string, patch: ProviderPatch) => {
  const [row] = await db
    .update(providers)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(providers.id, id))
    .returning(providerColumns);
  return row;
};

/**
 * Locks the provider row until the transaction ends. FOR NO KEY UPDATE: it does not wait on the
 * key-share locks that rows referencing the provider (a review being inserted) take.
 */
export const lockProviderRow = async (db: Db, id: string): Promise<boolean> => {
  const rows = await db
    .select({ id: providers.id })
    .from(providers)
    .where(eq(providers.id, id))
    .for('no key update');
  return rows.length > 0;
};

/** Sets the rating from a tally of ratings: the average rounded to two decimals, 0 when none. */
export const setProviderRating = async (
  db: Db,
  id: string,
  { count, sum }: { count: number; sum: number },
): Promise<{ ratingAverage: number; ratingCount: number } | undefined> => {
  const [row] = await db
    .update(providers)
    .set({
      ratingCount: count,
      ratingAverage: count === 0 ? 0 : sql`round(${sum}::numeric / ${count}, 2)`,
      updatedAt: sql`now()`,
    })
    .where(eq(providers.id, id))
    .returning({ ratingAverage: providers.ratingAverage, ratingCount: providers.ratingCount });
  return row;
};

// ---- services ----

const serviceColumns = {
  id: providerServices.id,
  categorySlug: providerServices.categorySlug,
  subcategorySlug: providerServices.subcategorySlug,
  title: providerServices.title,
  description: providerServices.description,
  basePricePaise: providerServices.basePricePaise,
  unit: providerServices.unit,
  isActive: providerServices.isActive,
};
export type ServiceRow = {
  [K in keyof typeof serviceColumns]: (typeof providerServices.$inferSelect)[K];
};
export type NewServiceRow = typeof providerServices.$inferInsert;
export type ServicePatch = Partial<
  Pick<NewServiceRow, 'title' | 'description' | 'basePricePaise' | 'unit' | 'isActive'>
>;

export const insertService = async (db: Db, row: NewServiceRow): Promise<ServiceRow> => {
  const [inserted] = await db.insert(providerServices).values(row).returning(serviceColumns);
  return inserted!;
};

export const listServices = (db: Db, providerId: string, { activeOnly = false } = {}) =>
  db
    .select(serviceColumns)
    .from(providerServices)
    .where(
      and(
        eq(providerServices.providerId, providerId),
        activeOnly ? eq(providerServices.isActive, true) : undefined,
      ),
    )
    .orderBy(asc(providerServices.createdAt), asc(providerServices.id));

/** Updates the service only if it belongs to `providerId`. */
export const updateService = async (
  db: Db,
  providerId: string,
  id: string,
  patch: ServicePatch,
) => {
  const [row] = await db
    .update(providerServices)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(providerServices.id, id), eq(providerServices.providerId, providerId)))
    .returning(serviceColumns);
  return row;
};

/** Deletes the service; returns its category, or undefined when there was no such service. */
export const deleteService = async (db: Db, providerId: string, id: string) => {
  const [row] = await db
    .delete(providerServices)
    .where(and(eq(providerServices.id, id), eq(providerServices.providerId, providerId)))
    .returning({ categorySlug: providerServices.categorySlug });
  return row;
};

// ---- service areas ----

const areaColumns = {
  id: providerServiceAreas.id,
  city: providerServiceAreas.city,
  pincodes: providerServiceAreas.pincodes,
  localities: providerServiceAreas.localities,
  radiusKm: providerServiceAreas.radiusKm,
  latitude: providerServiceAreas.latitude,
  longitude: providerServiceAreas.longitude,
};
export type AreaRow = {
  [K in keyof typeof areaColumns]: (typeof providerServiceAreas.$inferSelect)[K];
};
export type NewAreaRow = typeof providerServiceAreas.$inferInsert;

export const insertArea = async (db: Db, row: NewAreaRow): Promise<AreaRow> => {
  const [inserted] = await db.insert(providerServiceAreas).values(row).returning(areaColumns);
  return inserted!;
};

export const listAreas = (db: Db, providerId: string) =>
  db
    .select(areaColumns)
    .from(providerServiceAreas)
    .where(eq(providerServiceAreas.providerId, providerId))
    .orderBy(asc(providerServiceAreas.createdAt), asc(providerServiceAreas.id));

export const deleteArea = async (db: Db, providerId: string, id: string): Promise<boolean> => {
  const rows = await db
    .delete(providerServiceAreas)
    .where(and(eq(providerServiceAreas.id, id), eq(providerServiceAreas.providerId, providerId)))
    .returning({ id: providerServiceAreas.id });
  return rows.length > 0;
};
