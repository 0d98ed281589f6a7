import type { PhoneProtection } from '../../modules/users/phone-protection';
import type { users } from '../schema/users';
import { demoCities, type DemoCity, type Locality } from './india-post';
import { firstNames, lastNames, streetNames } from './names';
import type { Random } from './random';

type NewUser = typeof users.$inferInsert;

export const DEMO_EMAIL_DOMAIN = 'demo.localkart.in';

/** About 300 m: a home near the post office, not on top of it. */
const JITTER_DEGREES = 0.003;
const PROVIDER_SHARE = 0.2;
const LANGUAGES = [
  { code: 'en', weight: 6 },
  { code: 'hi', weight: 4 },
];

const emailLocalPart = (first: string, last: string, index: number) =>
  `${first}.${last}.${index}`.toLowerCase().replace(/[^a-z0-9.]/g, '');

/** The `index`-th demo customer or provider: a real locality, an Indian mobile number. */
export const demoUser = (
  index: number,
  {
    random,
    localities,
    passwordHash,
    phones,
  }: {
    random: Random;
    localities: Map<DemoCity, Locality[]>;
    passwordHash: string;
    phones: PhoneProtection;
  },
): NewUser => {
  const firstName = random.pick(firstNames);
  const lastName = random.pick(lastNames);
  const city = random.weighted(demoCities);
  const locality = random.pick(localities.get(city)!);
  return {
    email: `${emailLocalPart(firstName, lastName, index)}@${DEMO_EMAIL_DOMAIN}`,
    passwordHash,
    role: random.next() < PROVIDER_SHARE ? 'provider' : 'customer',
    firstName,
    lastName,
    ...phones.protect(
      `+91${random.pick(['6', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
    ),
    language: random.weighted(LANGUAGES).code,
    address: `${random.int(1, 450)}, ${random.pick(streetNames)}, ${locality.area}`,
    city: locality.city,
    state: locality.state,
    pincode: locality.pincode,
    latitude: locality.latitude + (random.next() - 0.5) * 2 * JITTER_DEGREES,
    longitude: locality.longitude + (random.next() - 0.5) * 2 * JITTER_DEGREES,
    isVerified: random.next() < 0.85,
    isActive: random.next() < 0.97,
  };
};
