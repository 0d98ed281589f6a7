import type { TSearchLocation } from '@localkart/contracts/search';
import type { IndiaPostDirectory } from '../../platform/geo/india-post-directory';
import { titleCase } from '../../platform/geo/india-post-directory';
import { resolveServiceArea } from '../providers/service-areas';

export type SearchWhere = { lat?: number; lng?: number; pincode?: string; locality?: string };

/**
 * The point to search around: given, or the centre of a pincode's or locality's post offices.
 * An unknown or ambiguous place is a 400 with suggestions (the same rules as service areas).
 */
export const resolveSearchLocation = (
  directory: IndiaPostDirectory,
  where: SearchWhere,
): TSearchLocation => {
  if (where.lat !== undefined && where.lng !== undefined)
    return { lat: where.lat, lng: where.lng, label: 'Your location' };
  const area = resolveServiceArea(
    directory,
    {
      pincodes: where.pincode ? [where.pincode] : [],
      localities: where.locality ? [where.locality] : [],
      radiusKm: 1,
    },
    '',
    { single: true },
  );
  const label = where.pincode ?? `${titleCase(where.locality ?? '')}, ${area.city}`;
  return { lat: area.latitude, lng: area.longitude, label };
};
