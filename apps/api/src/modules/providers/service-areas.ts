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

/**
 * A service area from pincodes and/or locality names: the centre is the mean of their post
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
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    city: cityOf(mostCommon(located.map((office) => office.district))),
    pincodes: pincodes.length > 0 ? pincodes : [...new Set(offices.map((o) => o.pincode))],
    localities: request.localities,
    radiusKm: request.radiusKm,
    latitude: mean(located.map((office) => office.latitude!)),
    longitude: mean(located.map((office) => office.longitude!)),
  };
};
