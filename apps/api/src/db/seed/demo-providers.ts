import type {
  providerAvailability,
  providerAvailabilityExceptions,
  providers,
  providerServiceAreas,
  providerServices,
} from '../schema/providers';
import type { ServiceUnit } from '../../modules/taxonomy/taxonomy.types';
import { businessSuffixes, relatedCategories } from './provider-names';
import type { Random } from './random';

export type SeedSubcategory = {
  slug: string;
  nameEn: string;
  unit: ServiceUnit;
  priceMinPaise: number;
  priceMaxPaise: number;
};
export type SeedCategory = { slug: string; nameEn: string; subcategories: SeedSubcategory[] };

/** The provider-role demo user the business belongs to. */
export type ProviderOwner = {
  firstName: string;
  lastName: string;
  city: string;
  pincode: string;
  latitude: number;
  longitude: number;
};

type Owned<T> = Omit<T, 'providerId'>;
export type DemoProvider = {
  provider: Omit<typeof providers.$inferInsert, 'userId'>;
  services: Owned<typeof providerServices.$inferInsert>[];
  area: Owned<typeof providerServiceAreas.$inferInsert>;
  slots: Owned<typeof providerAvailability.$inferInsert>[];
  leaves: Owned<typeof providerAvailabilityExceptions.$inferInsert>[];
};

const VERIFIED_SHARE = 0.7;
const RELATED_SHARE = 0.25;
const HINGLISH_SHARE = 0.35;
const LEAVE_SHARE = 0.12;
const MAX_RATINGS = 250;
const DAY_MS = 86_400_000;

/** Distinct items, in the order drawn. */
const pickSome = <T>(random: Random, items: readonly T[], count: number): T[] => {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(random.pick(items));
  return [...chosen];
};

const listed = (names: string[], and: string) =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;

/**
 * Inside the subcategory's range, skewed to its cheap end, rounded to ₹10 (₹50 for wide ranges,
 * whole rupees for narrow ones such as ₹12–₹30 per square foot).
 */
const priceIn = (random: Random, { priceMinPaise: min, priceMaxPaise: max }: SeedSubcategory) => {
  const step = max - min >= 50_000 ? 5_000 : max - min >= 5_000 ? 1_000 : 100;
  const low = Math.max(Math.ceil(min / step) * step, step);
  const high = Math.floor(max / step) * step;
  if (low > high) return Math.max(max, 1);
  return Math.min(
    high,
    Math.max(low, Math.round((min + (max - min) * random.next() ** 1.6) / step) * step),
  );
};

const businessName = (random: Random, owner: ProviderOwner, category: SeedCategory) => {
  const suffixes = businessSuffixes[category.slug] ?? {
    last: [`${category.nameEn} Services`],
    first: [category.nameEn],
  };
  const roll = random.next();
  if (roll < 0.55) return `${owner.lastName} ${random.pick(suffixes.last)}`;
  if (roll < 0.9) return `${owner.firstName}'s ${random.pick(suffixes.first)}`;
  return `${random.pick(['Shree', 'Sai', 'New', 'Royal', owner.city])} ${random.pick(suffixes.last)}`;
};

const describe = (
  random: Random,
  category: SeedCategory,
  specialties: string[],
  years: number,
  city: string,
) => {
  const what = category.nameEn.toLowerCase();
  if (random.next() < HINGLISH_SHARE)
    return random.pick([
      `${city} mein ${years} saal se ${what} ka kaam. ${listed(specialties, 'aur')} — time pe kaam aur sahi rate.`,
      `${listed(specialties, 'aur')} ke liye call karein. ${years} saal ka experience, ghar pe service poore ${city} mein.`,
    ]);
  return random.pick([
    `${years} years of ${what} experience across ${city}. ${listed(specialties, 'and')} done neatly, with upfront pricing.`,
    `Trusted ${what} service in ${city} for ${years} years. We handle ${listed(specialties, 'and')} on time, every time.`,
  ]);
};

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Mon–Sat (sometimes Mon–Fri), 08–10 to 18–21; some take lunch 13–14, some work Sunday mornings. */
const weeklySlots = (random: Random): DemoProvider['slots'] => {
  const start = random.pick([8, 9, 9, 10]);
  const end = random.pick([18, 19, 19, 20, 21]);
  const lunch = random.next() < 0.3;
  const days = random.next() < 0.15 ? [1, 2, 3, 4, 5] : [1, 2, 3, 4, 5, 6];
  const hours = lunch
    ? [
        [start, 13],
        [14, end],
      ]
    : [[start, end]];
  const slots = days.flatMap((dayOfWeek) =>
    hours.map(([from, to]) => ({ dayOfWeek, startTime: clock(from!), endTime: clock(to!) })),
  );
  if (random.next() < 0.25)
    slots.push({ dayOfWeek: 0, startTime: clock(start), endTime: clock(13) });
  return slots;
};

const leaveDays = (random: Random, today: Date): DemoProvider['leaves'] => {
  if (random.next() >= LEAVE_SHARE) return [];
  const first = random.int(5, 35);
  return Array.from({ length: random.int(1, 3) }, (_, offset) => ({
    date: new Date(today.getTime() + (first + offset) * DAY_MS).toISOString().slice(0, 10),
    allDay: true,
    reason: 'leave' as const,
  }));
};

/** Demo ratings: most providers have a few reviews, a handful many; none means average 0. */
const rating = (random: Random) => {
  const ratingCount = Math.floor((MAX_RATINGS + 1) * random.next() ** 3);
  const ratingAverage =
    ratingCount === 0 ? 0 : Math.round((3.6 + 1.4 * random.next() ** 0.7) * 100) / 100;
  return { ratingCount, ratingAverage };
};

/**
 * A realistic business for `owner`: services of one main category (sometimes one related one)
 * priced inside the taxonomy's ranges, an area around the owner's home, a weekly schedule.
 */
export const demoProvider = (
  owner: ProviderOwner,
  { random, taxonomy, today }: { random: Random; taxonomy: SeedCategory[]; today: Date },
): DemoProvider => {
  const category = random.pick(taxonomy);
  const chosen = pickSome(random, category.subcategories, random.pick([1, 1, 2, 2, 2, 3, 3]));
  const offered = chosen.map((sub) => ({ category, sub }));
  const related = (relatedCategories[category.slug] ?? [])
    .map((slug) => taxonomy.find((c) => c.slug === slug))
    .filter((c) => c !== undefined);
  if (related.length > 0 && random.next() < RELATED_SHARE) {
    const other = random.pick(related);
    offered.push({ category: other, sub: random.pick(other.subcategories) });
  }
  const years = random.int(1, 25);
  const specialties = chosen.map((sub) => sub.nameEn);
  const name = businessName(random, owner, category);
  const description = describe(random, category, specialties, years, owner.city);
  const skills = [category.nameEn, ...offered.map(({ sub }) => sub.nameEn)];
  if (offered.length > chosen.length) skills.push(offered.at(-1)!.category.nameEn);
  return {
    provider: {
      businessName: name,
      description,
      aiGeneratedProfile: {
        summary: `${name} offers ${category.nameEn.toLowerCase()} in ${owner.city}: ${listed(specialties, 'and')}. ${years} years of experience.`,
        skills: [...new Set(skills)].slice(0, 12),
        experience: `${years} year${years === 1 ? '' : 's'} of experience`,
        specialties: specialties.slice(0, 8),
      },
      isVerified: random.next() < VERIFIED_SHARE,
      ...rating(random),
    },
    services: offered.map(({ category: { slug }, sub }) => ({
      categorySlug: slug,
      subcategorySlug: sub.slug,
      title: sub.nameEn,
      basePricePaise: priceIn(random, sub),
      unit: sub.unit,
    })),
    area: {
      city: owner.city,
      pincodes: [owner.pincode],
      radiusKm: random.int(3, 15),
      latitude: owner.latitude,
      longitude: owner.longitude,
    },
    slots: weeklySlots(random),
    leaves: leaveDays(random, today),
  };
};
