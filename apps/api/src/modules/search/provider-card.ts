import type { TProviderCard } from '@localkart/contracts/search';
import { NO_DETAILS, type CardDetails } from '../providers/card-details';
import type { ProviderHit } from './search-providers.repo';

/** Metres to km at the 0.1 km precision cards show. */
export const roundKm = (metres: number) => Math.round(metres / 100) / 10;

/** A search hit as the public card of search results and recommendations. */
export const toProviderCard = (
  hit: ProviderHit,
  details: CardDetails = NO_DETAILS,
): TProviderCard => ({
  id: hit.providerId,
  businessName: hit.businessName,
  summary: details.summary,
  skills: details.skills,
  rating: { average: hit.ratingAverage, count: hit.ratingCount },
  isVerified: hit.isVerified,
  city: hit.city,
  distanceKm: roundKm(hit.distanceM),
  areaCentre: hit.areaCentre,
  categorySlugs: hit.categorySlugs,
  priceFrom: { paise: hit.minPricePaise, currency: 'INR' },
});
