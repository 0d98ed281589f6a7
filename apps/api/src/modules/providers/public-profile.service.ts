import type { TPublicProviderProfile } from '@localkart/contracts/providers';
import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Storage } from '../../platform/storage/storage';
import { toSlot } from './availability';
import { toCardDetails, type CardDetails } from './card-details';
import { listPortfolio } from './provider-media.repo';
import { listExceptions, listSlots } from './provider-schedule.repo';
import { toArea, toPortfolioItem, toService } from './provider-views';
import {
  findActiveProviderWithOwner,
  listAreas,
  listCardDetails,
  listServices,
} from './providers.repo';
import { todayIn } from './provider-schedule.service';

const UPCOMING_EXCEPTIONS = 60;
/**
 * A provider's public page. Built from an allow-list of fields: no documents, no phone, e-mail
 * or address, the owner's first name and last initial only. Inactive or unknown → 404.
 */
export const createPublicProfileService = ({ db, storage }: { db: Db; storage: Storage }) => {
  const getPublicProfile = async (providerId: string): Promise<TPublicProviderProfile> => {
    const provider = await findActiveProviderWithOwner(db, providerId);
    if (!provider) throw new AppError(ErrorCode.NOT_FOUND, 'Provider not found');
    const [services, areas, slots, exceptions, portfolio] = await Promise.all([
      listServices(db, provider.id, { activeOnly: true }),
      listAreas(db, provider.id),
      listSlots(db, provider.id),
      listExceptions(db, provider.id, todayIn(provider.timeZone)),
      listPortfolio(db, provider.id),
    ]);
    const ai = provider.aiGeneratedProfile;
    return {
      id: provider.id,
      businessName: provider.businessName,
      description: provider.description,
      ownerName: `${provider.firstName} ${provider.lastName.slice(0, 1)}.`,
      aiGeneratedProfile: ai
        ? { summary: ai.summary, skills: ai.skills, specialties: ai.specialties }
        : null,
      rating: { average: provider.ratingAverage, count: provider.ratingCount },
      isVerified: provider.isVerified,
      timeZone: provider.timeZone,
      services: services.map((row) => {
        const { isActive: _isActive, ...service } = toService(row);
        return service;
      }),
      serviceAreas: areas.map((row) => {
        const { id: _id, localities: _localities, ...area } = toArea(row);
        return area;
      }),
      availability: slots.map(toSlot),
      unavailableDates: exceptions
        .slice(0, UPCOMING_EXCEPTIONS)
        .map((row) => ({ date: row.date, allDay: row.allDay })),
      portfolio: portfolio.map((row) => {
        const { sortOrder: _sortOrder, ...item } = toPortfolioItem(row, storage);
        return item;
      }),
    };
  };
  /** What a search card shows beyond the search index: a one-line summary and top skills. */
  const getCardDetails = async (ids: string[]): Promise<Map<string, CardDetails>> => {
    const rows = await listCardDetails(db, ids);
    return new Map(rows.map((row) => [row.id, toCardDetails(row)]));
  };

  return { getPublicProfile, getCardDetails };
};

export type PublicProfileService = ReturnType<typeof createPublicProfileService>;
