import request from 'supertest';
import type { Db } from '../../db/client';
import {
  providerAvailability,
  providers,
  providerServiceAreas,
  providerServices,
} from '../../db/schema/providers';
import { insertTestUser, signIn } from '../../test-support/accounts';
import type { TestApp } from '../../test-support/test-app';
import { auth, signedInCustomer, type SignedIn } from '../providers/provider-test-support';
import { wallClockAt } from '../../platform/wall-clock';

/** Koramangala, Bengaluru. */
export const KORAMANGALA = { lat: 12.9352, lng: 77.6245 };
/** Connaught Place, Delhi: far outside any Bengaluru area. */
export const CONNAUGHT_PLACE = { lat: 28.6315, lng: 77.2167 };

export type BookableService = {
  category: string;
  subcategory: string;
  pricePaise: number;
  unit: 'hour' | 'service' | 'square_feet';
};

export const TAP_REPAIR: BookableService = {
  category: 'plumbing',
  subcategory: 'tap-repair',
  pricePaise: 29_900,
  unit: 'service',
};
export const HOUSE_CLEANING: BookableService = {
  category: 'home-cleaning',
  subcategory: 'regular-cleaning',
  pricePaise: 30_000,
  unit: 'hour',
};

export type TestProvider = SignedIn & { providerId: string; serviceIds: string[] };

/**
 * A signed-in provider written straight to the providers module's tables: exact point and
 * radius, every day 00:00–23:59 unless `slots` says otherwise, in Asia/Kolkata.
 */
export const bookableProvider = async (
  app: TestApp,
  {
    services = [TAP_REPAIR],
    point = KORAMANGALA,
    radiusKm = 10,
    slots = [0, 1, 2, 3, 4, 5, 6].map((day): [number, string, string] => [day, '00:00', '23:59']),
    active = true,
  }: {
    services?: BookableService[];
    point?: { lat: number; lng: number };
    radiusKm?: number;
    slots?: [number, string, string][];
    active?: boolean;
  } = {},
): Promise<TestProvider> => {
  const db: Db = app.runtime.database.db;
  const owner = await insertTestUser(app, { role: 'provider' });
  const session = await signIn(app, owner.email);
  const { providerId, serviceIds } = await db.transaction(async (tx) => {
    const [provider] = await tx
      .insert(providers)
      .values({ userId: owner.id, businessName: 'Mehta Home Services', isActive: active })
      .returning({ id: providers.id });
    const id = provider!.id;
    const rows = await tx
      .insert(providerServices)
      .values(
        services.map((service) => ({
          providerId: id,
          categorySlug: service.category,
          subcategorySlug: service.subcategory,
          title: service.subcategory.replace(/-/gu, ' '),
          basePricePaise: service.pricePaise,
          unit: service.unit,
        })),
      )
      .returning({ id: providerServices.id });
    await tx.insert(providerServiceAreas).values({
      providerId: id,
      city: 'Bengaluru',
      radiusKm,
      latitude: point.lat,
      longitude: point.lng,
    });
    await tx.insert(providerAvailability).values(
      slots.map(([dayOfWeek, startTime, endTime]) => ({
        providerId: id,
        dayOfWeek,
        startTime,
        endTime,
      })),
    );
    return { providerId: id, serviceIds: rows.map((row) => row.id) };
  });
  return {
    userId: owner.id,
    email: owner.email,
    token: session.accessToken,
    providerId,
    serviceIds,
  };
};

/** The date `days` from now on the Asia/Kolkata calendar. */
export const istDate = (days: number) =>
  wallClockAt(new Date(Date.now() + days * 86_400_000), 'Asia/Kolkata').date;

/** A valid booking body for `provider`; override any part. */
export const bookingBody = (
  provider: { providerId: string },
  {
    date = istDate(2),
    time = '10:00',
    ...overrides
  }: { date?: string; time?: string } & Record<string, unknown> = {},
) => ({
  providerId: provider.providerId,
  service: { category: 'plumbing', description: 'Kitchen tap leaking since morning' },
  location: {
    address: '12, 5th Cross, Koramangala',
    coordinates: [KORAMANGALA.lng, KORAMANGALA.lat],
  },
  schedule: { preferredDate: date, preferredTime: time },
  ...overrides,
});

export const postBooking = (app: TestApp, user: { token: string }, body: unknown) =>
  request(app.url)
    .post('/api/bookings')
    .set(auth(user))
    .send(body as object);

/** Creates a booking and returns its id, failing loudly if it is not created. */
export const createBooking = async (app: TestApp, user: { token: string }, body: unknown) => {
  const res = await postBooking(app, user, body);
  if (res.status !== 201)
    throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { data: { id: string } }).data.id;
};

/** Tops the customer's wallet up through the test gateway. */
export const topUpWallet = async (app: TestApp, user: SignedIn, amountPaise: number) => {
  const order = await request(app.url)
    .post('/api/users/wallet/top-up')
    .set(auth(user))
    .send({ amountPaise });
  const { gatewayOrderId } = (order.body as { data: { gatewayOrderId: string } }).data;
  const paid = await request(app.url)
    .post(`/api/payments/test-gateway/orders/${gatewayOrderId}/pay`)
    .set(auth(user));
  if (paid.status !== 200) throw new Error(`top-up failed: ${JSON.stringify(paid.body)}`);
};

export const walletBalance = async (app: TestApp, user: SignedIn) =>
  (
    (await request(app.url).get('/api/users/wallet').set(auth(user))).body as {
      data: { balancePaise: number };
    }
  ).data.balancePaise;

export { auth, signedInCustomer };
