import type { TCreateServiceAreaRequest } from '@localkart/contracts/providers';
import type { TFieldError } from '@localkart/contracts/errors';
import { AppError, ErrorCode } from '../../platform/errors';
import {
  cityOf,
  type IndiaPostDirectory,
  type PostOffice,
} from '../../platform/geo/india-post-directory';

export type ResolvedArea = {
  city: string;
  pincodes: string[];
  localities: string[];
  radiusKm: number;
  latitude: number;
  longitude: number;
};

type FieldErrorWithSuggestions = TFieldError & { suggestions: string[] };

const mostCommon = (values: string[]): string => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
};

const OFFICE_RANK: Record<PostOffice['officeType'], number> = {
  HO: 0,
  GPO: 0,
  SO: 1,
  PO: 2,
  BO: 3,
};

/**
 * The office with the least total distance to the others. India Post's directory has some
 * offices tens of kilometres off (560008's "Cambridge Layout" sits 90 km from Bengaluru), and a
 * mean would drag the centre after them; the medoid ignores a minority of such outliers. Ties
 * (two offices) go to the head or sub office, whose coordinates are the most reliable.
 */
const medoid = (offices: PostOffice[]): PostOffice => {
  const squared = (a: PostOffice, b: PostOffice) =>
    (a.latitude! - b.latitude!) ** 2 + (a.longitude! - b.longitude!) ** 2;
  const cost = (office: PostOffice) =>
    offices.reduce((sum, other) => sum + Math.sqrt(squared(office, other)), 0);
  return offices
    .map((office) => ({ office, cost: cost(office) }))
    .sort(
      (a, b) =>
        a.cost - b.cost || OFFICE_RANK[a.office.officeType] - OFFICE_RANK[b.office.officeType],
    )[0]!.office;
};

/**
 * A service area from pincodes and/or locality names: the centre is the medoid of their post
 * offices' coordinates and the city comes from their district. Unknown or ambiguous names are
 * a 400 whose details carry suggestions.
 */
export const resolveServiceArea = (
  directory: IndiaPostDirectory,
  request: TCreateServiceAreaRequest,
  field = '',
  /** Search takes one pincode or locality: its errors name `pincode`, not `pincodes.0`. */
  { single = false }: { single?: boolean } = {},
): ResolvedArea => {
  const prefix = field ? `${field}.` : '';
  const pathOf = (list: 'pincodes' | 'localities', index: number) =>
    single
      ? `${prefix}${list === 'pincodes' ? 'pincode' : 'locality'}`
      : `${prefix}${list}.${index}`;
  const errors: FieldErrorWithSuggestions[] = [];
  const offices: PostOffice[] = [];
  const pincodes = [...new Set(request.pincodes)];
  pincodes.forEach((pincode, index) => {
    const lookup = directory.byPincode(pincode);
    if (lookup.found) offices.push(...lookup.offices);
    else
      errors.push({
        path: pathOf('pincodes', index),
        message: `unknown pincode ${pincode}`,
        code: 'unknown_pincode',
        suggestions: lookup.suggestions,
      });
  });
  const districts = new Set(offices.map((office) => office.district));
  request.localities.forEach((name, index) => {
    const lookup = directory.byLocality(name);
    const path = pathOf('localities', index);
    if (!lookup.found) {
      errors.push({
        path,
        message: `unknown locality ${name}`,
        code: 'unknown_locality',
        ...lookup,
      });
      return;
    }
    // A name such as "Gandhi Nagar" exists in many districts: the pincodes given decide.
    const nearby = lookup.offices.filter((office) => districts.has(office.district));
    const candidates = nearby.length > 0 ? nearby : lookup.offices;
    if (new Set(candidates.map((office) => office.district)).size > 1) {
      errors.push({
        path,
        message: `${name} exists in several districts; add its pincode`,
        code: 'ambiguous_locality',
        suggestions: candidates
          .slice(0, 5)
          .map((o) => `${o.area} ${o.pincode} (${cityOf(o.district)})`),
      });
      return;
    }
    offices.push(...candidates);
  });
  if (errors.length > 0)
    throw new AppError(ErrorCode.VALIDATION_ERROR, 'Unknown pincode or locality', errors);

  const located = offices.filter((office) => office.latitude !== null && office.longitude !== null);
  if (located.length === 0) {
    throw new AppError(ErrorCode.VALIDATION_ERROR, 'These places have no known coordinates', [
      { path: `${prefix}pincodes`, message: 'no coordinates known', code: 'no_coordinates' },
    ]);
  }
  const centre = medoid(located);
  return {
    city: cityOf(mostCommon(located.map((office) => office.district))),
    pincodes: pincodes.length > 0 ? pincodes : [...new Set(offices.map((o) => o.pincode))],
    localities: request.localities,
    radiusKm: request.radiusKm,
    latitude: centre.latitude!,
    longitude: centre.longitude!,
  };
};
