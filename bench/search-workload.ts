/**
 * What `bench/search.ts` asks for, shared by autocannon (the API) and pgbench (the same SQL) so
 * both draw from one distribution: a city by the demo seed's weights, one of its `anchors` (real
 * India Post offices), a uniform offset of up to ±JITTER_DEG in latitude and longitude, a radius
 * of RADIUS_KM.min–max whole km, and a category (or none) uniformly.
 */
import { loadDemoLocalities } from '../apps/api/src/db/seed/india-post';
import { seededRandom, type Random } from '../apps/api/src/db/seed/random';

export const JITTER_DEG = 0.01;
export const JITTER_STEPS = 10_000;
export const RADIUS_KM = { min: 2, max: 20 } as const;
const ANCHORS_PER_CITY = 16;

export type Anchor = { lat: number; lng: number };
export type WorkloadCity = { name: string; weight: number; anchors: Anchor[] };

export type Workload = {
  cities: WorkloadCity[];
  /** Every category slug, then `''` for "any category". */
  categories: string[];
};

/** The same anchors in every run: seeded from a fixed number. */
export const buildWorkload = (categorySlugs: string[]): Workload => {
  const random = seededRandom(20_261_125);
  const cities: WorkloadCity[] = [];
  for (const [city, localities] of loadDemoLocalities()) {
    if (localities.length === 0) continue;
    const anchors = Array.from({ length: ANCHORS_PER_CITY }, () => {
      const office = random.pick(localities);
      return { lat: office.latitude, lng: office.longitude };
    });
    cities.push({ name: city.name, weight: city.weight, anchors });
  }
  return { cities, categories: [...categorySlugs, ''] };
};

export type SearchRequest = { lat: number; lng: number; radiusKm: number; category: string };

/** One random request, with the same steps as the pgbench script's `\set` lines. */
export const randomRequest = (workload: Workload, random: Random): SearchRequest => {
  const city = random.weighted(workload.cities);
  const anchor = random.pick(city.anchors);
  const offset = () => (random.int(-JITTER_STEPS, JITTER_STEPS) / JITTER_STEPS) * JITTER_DEG;
  return {
    lat: anchor.lat + offset(),
    lng: anchor.lng + offset(),
    radiusKm: random.int(RADIUS_KM.min, RADIUS_KM.max),
    category: random.pick(workload.categories),
  };
};

export const searchPath = ({ lat, lng, radiusKm, category }: SearchRequest): string => {
  const query = new URLSearchParams({
    lat: lat.toFixed(6),
    lng: lng.toFixed(6),
    radiusKm: String(radiusKm),
  });
  if (category) query.set('category', category);
  return `/api/search/providers?${query.toString()}`;
};
