import { and, asc, eq, exists, inArray, isNotNull, like, not, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { bookings } from '../schema/bookings';
import {
  providerAvailability,
  providerAvailabilityExceptions,
  providers,
  providerServiceAreas,
  providerServices,
} from '../schema/providers';
import { users } from '../schema/users';
import { minuteOf } from './activity-clock';
import type { PlanCustomer, PlanProvider } from './activity-plan';
import { DEMO_EMAIL_DOMAIN } from './demo-users';

const isDemo = like(users.email, `%@${DEMO_EMAIL_DOMAIN}`);

/** Grouped by `key`, each group in the order the rows came. */
const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};

/**
 * Demo providers that have no booking yet (so a second run adds nothing), with what a booking
 * depends on: whether they take bookings, area, active services, weekly hours, leave. Ordered
 * by e-mail, so the plan is the same whatever ids the database gave them.
 */
export const loadUnbookedProviders = async (db: Db): Promise<PlanProvider[]> => {
  const owners = await db
    .select({
      id: providers.id,
      userId: providers.userId,
      email: users.email,
      timeZone: providers.timeZone,
      createdAt: providers.createdAt,
      active: sql<boolean>`${providers.isActive} AND ${users.isActive}`,
    })
    .from(providers)
    .innerJoin(users, eq(users.id, providers.userId))
    .where(
      and(
        isDemo,
        not(
          exists(
            db
              .select({ one: sql`1` })
              .from(bookings)
              .where(eq(bookings.providerId, providers.id)),
          ),
        ),
      ),
    )
    .orderBy(asc(users.email));
  if (owners.length === 0) return [];
  const ids = owners.map((o) => o.id);
  const [areas, services, slots, leaves] = await Promise.all([
    db
      .select({
        providerId: providerServiceAreas.providerId,
        latitude: providerServiceAreas.latitude,
        longitude: providerServiceAreas.longitude,
        radiusKm: providerServiceAreas.radiusKm,
        city: providerServiceAreas.city,
      })
      .from(providerServiceAreas)
      .where(inArray(providerServiceAreas.providerId, ids))
      .orderBy(asc(providerServiceAreas.createdAt), asc(providerServiceAreas.id)),
    db
      .select({
        providerId: providerServices.providerId,
        id: providerServices.id,
        categorySlug: providerServices.categorySlug,
        subcategorySlug: providerServices.subcategorySlug,
        title: providerServices.title,
        unit: providerServices.unit,
        basePricePaise: providerServices.basePricePaise,
      })
      .from(providerServices)
      .where(and(inArray(providerServices.providerId, ids), eq(providerServices.isActive, true)))
      .orderBy(asc(providerServices.subcategorySlug)),
    db
      .select({
        providerId: providerAvailability.providerId,
        dayOfWeek: providerAvailability.dayOfWeek,
        startTime: providerAvailability.startTime,
        endTime: providerAvailability.endTime,
      })
      .from(providerAvailability)
      .where(inArray(providerAvailability.providerId, ids))
      .orderBy(asc(providerAvailability.dayOfWeek), asc(providerAvailability.startTime)),
    db
      .select({
        providerId: providerAvailabilityExceptions.providerId,
        date: providerAvailabilityExceptions.date,
        allDay: providerAvailabilityExceptions.allDay,
        startTime: providerAvailabilityExceptions.startTime,
        endTime: providerAvailabilityExceptions.endTime,
      })
      .from(providerAvailabilityExceptions)
      .where(inArray(providerAvailabilityExceptions.providerId, ids)),
  ]);
  const areaOf = groupBy(areas, (a) => a.providerId);
  const servicesOf = groupBy(services, (s) => s.providerId);
  const slotsOf = groupBy(slots, (s) => s.providerId);
  const leavesOf = groupBy(leaves, (l) => l.providerId);
  return owners.map((owner) => ({
    ...owner,
    area: areaOf.get(owner.id)?.[0],
    services: (servicesOf.get(owner.id) ?? []).map(({ providerId: _p, ...service }) => service),
    slots: (slotsOf.get(owner.id) ?? []).map((s) => ({
      dayOfWeek: s.dayOfWeek,
      startMinute: minuteOf(s.startTime),
      endMinute: minuteOf(s.endTime),
    })),
    leaves: (leavesOf.get(owner.id) ?? []).map((l) => ({
      date: l.date,
      startMinute: l.allDay || !l.startTime ? 0 : minuteOf(l.startTime),
      endMinute: l.allDay || !l.endTime ? 24 * 60 : minuteOf(l.endTime),
    })),
  }));
};

/** Active demo customers with a home to be served at, by city, each city's ordered by e-mail. */
export const loadCustomersByCity = async (db: Db): Promise<Map<string, PlanCustomer[]>> => {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      createdAt: users.createdAt,
      latitude: users.latitude,
      longitude: users.longitude,
      city: users.city,
      address: users.address,
    })
    .from(users)
    .where(
      and(
        isDemo,
        eq(users.role, 'customer'),
        eq(users.isActive, true),
        isNotNull(users.latitude),
        isNotNull(users.longitude),
        isNotNull(users.city),
        isNotNull(users.address),
      ),
    )
    .orderBy(asc(users.email));
  const customers = rows.map((row) => ({
    ...row,
    latitude: row.latitude!,
    longitude: row.longitude!,
    city: row.city!,
    address: row.address!,
  }));
  return groupBy(customers, (c) => c.city);
};
