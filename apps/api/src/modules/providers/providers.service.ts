import type {
  TCreateProviderServiceRequest,
  TCreateServiceAreaRequest,
  TProviderProfile,
  TProviderService,
  TRegisterProviderRequest,
  TServiceArea,
  TUpdateProviderProfileRequest,
  TUpdateProviderServiceRequest,
} from '@localkart/contracts/providers';
import { inTransaction, type Db } from '../../db/client';
import type { TaxonomyService } from '../taxonomy/taxonomy.service';
import { isUniqueViolation } from '../../db/constraint-errors';
import { AppError, ErrorCode } from '../../platform/errors';
import type { IndiaPostDirectory } from '../../platform/geo/india-post-directory';
import type { Storage } from '../../platform/storage/storage';
import { lockUserById, updateUser } from '../users/users.repo';
import { toSlot } from './availability';
import { listPortfolio } from './provider-media.repo';
import { listSlots } from './provider-schedule.repo';
import { toArea, toPortfolioItem, toService } from './provider-views';
import {
  deleteArea,
  deleteService,
  findActiveProviderWithOwner,
  findProviderByUserId,
  insertArea,
  insertProvider,
  insertService,
  listAreas,
  listServices,
  lockProviderRow,
  setProviderRating,
  updateProvider,
  updateService,
  type ProviderRow,
} from './providers.repo';
import type { ProviderChangeFeed } from './provider-changes';
import { resolveServiceArea } from './service-areas';

const notFound = (what = 'Not found') => new AppError(ErrorCode.NOT_FOUND, what);

const invalidField = (path: string, message: string) =>
  new AppError(ErrorCode.VALIDATION_ERROR, `Invalid ${path.split('.').at(-1)}`, [
    { path, message, code: 'unknown_taxonomy' },
  ]);

export const createProvidersService = ({
  db,
  storage,
  directory,
  taxonomy,
  changes,
}: {
  db: Db;
  storage: Storage;
  directory: IndiaPostDirectory;
  taxonomy: Pick<TaxonomyService, 'findCategory' | 'findSubcategory'>;
  changes: ProviderChangeFeed;
}) => {
  /** Tells listeners (search caches) after a committed change; `before` adds removed categories. */
  const announce = async (providerId: string, before: string[] = []) => {
    const now = (await listServices(db, providerId)).map((service) => service.categorySlug);
    await changes.publish({ providerId, categories: [...new Set([...now, ...before])] });
  };

  /** The caller's provider row; a provider-role user who never registered gets 404. */
  const providerOf = async (userId: string): Promise<ProviderRow> => {
    const provider = await findProviderByUserId(db, userId);
    if (!provider) throw notFound('Register as a provider first');
    return provider;
  };

  /** A provider anyone may see (it and its owner active); 404 otherwise. */
  const publicProviderOf = async (
    providerId: string,
  ): Promise<{ id: string; timeZone: string }> => {
    const provider = await findActiveProviderWithOwner(db, providerId);
    if (!provider) throw notFound('Provider not found');
    return { id: provider.id, timeZone: provider.timeZone };
  };

  /** The unit to store: the one given, else the subcategory's; 400 names an unknown slug. */
  const checkTaxonomy = async (
    service: Pick<TCreateProviderServiceRequest, 'categorySlug' | 'subcategorySlug' | 'unit'>,
    field = '',
  ) => {
    const prefix = field ? `${field}.` : '';
    const category = await taxonomy.findCategory(service.categorySlug);
    if (!category) throw invalidField(`${prefix}categorySlug`, 'is not a known category');
    const sub = await taxonomy.findSubcategory(service.categorySlug, service.subcategorySlug);
    if (!sub)
      throw invalidField(`${prefix}subcategorySlug`, 'is not a known subcategory of this category');
    return service.unit ?? sub.unit;
  };

  const toProfile = async (provider: ProviderRow): Promise<TProviderProfile> => {
    const [services, areas, slots, portfolio] = await Promise.all([
      listServices(db, provider.id),
      listAreas(db, provider.id),
      listSlots(db, provider.id),
      listPortfolio(db, provider.id),
    ]);
    return {
      id: provider.id,
      businessName: provider.businessName,
      description: provider.description,
      aiGeneratedProfile: provider.aiGeneratedProfile ?? null,
      rating: { average: provider.ratingAverage, count: provider.ratingCount },
      isVerified: provider.isVerified,
      isActive: provider.isActive,
      timeZone: provider.timeZone,
      services: services.map(toService),
      serviceAreas: areas.map(toArea),
      availability: slots.map(toSlot),
      portfolio: portfolio.map((item) => toPortfolioItem(item, storage)),
      createdAt: provider.createdAt.toISOString(),
    };
  };

  const register = async (
    userId: string,
    request: TRegisterProviderRequest,
  ): Promise<TProviderProfile> => {
    const unit = await checkTaxonomy(request.service, 'service');
    const area = resolveServiceArea(directory, request.serviceArea, 'serviceArea');
    try {
      const provider = await inTransaction(db, async (tx) => {
        const user = await lockUserById(tx, userId);
        if (!user) throw notFound('User not found');
        if (user.role !== 'customer')
          throw new AppError(ErrorCode.CONFLICT, `You are already registered as ${user.role}`);
        const created = await insertProvider(tx, {
          userId,
          businessName: request.businessName,
          description: request.description,
          timeZone: user.timeZone,
        });
        await insertService(tx, { ...request.service, unit, providerId: created.id });
        await insertArea(tx, { ...area, providerId: created.id });
        await updateUser(tx, userId, { role: 'provider' });
        return created;
      });
      await announce(provider.id);
      return await toProfile(provider);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError(ErrorCode.CONFLICT, 'You are already registered as a provider');
      throw error;
    }
  };

  /**
   * Recomputes the provider's rating inside the caller's transaction `tx` (reviews own the
   * ratings; `tally` counts them). The provider row is locked first, so concurrent recomputations
   * of one provider run one after another and each tally (a new statement under READ COMMITTED)
   * sees the reviews the earlier ones committed: no update is lost. Call `announce` after commit.
   */
  const recomputeRating = async (
    tx: Db,
    providerId: string,
    tally: (tx: Db) => Promise<{ count: number; sum: number }>,
  ) => {
    if (!(await lockProviderRow(tx, providerId))) throw notFound('Provider not found');
    const rating = await setProviderRating(tx, providerId, await tally(tx));
    return { average: rating!.ratingAverage, count: rating!.ratingCount };
  };

  const getProfile = async (userId: string) => toProfile(await providerOf(userId));

  const updateProfile = async (userId: string, change: TUpdateProviderProfileRequest) => {
    const provider = await providerOf(userId);
    const updated = await updateProvider(db, provider.id, change);
    if (!updated) throw notFound();
    await announce(provider.id);
    return toProfile(updated);
  };

  const listOwnServices = async (userId: string): Promise<TProviderService[]> =>
    (await listServices(db, (await providerOf(userId)).id)).map(toService);

  const addService = async (userId: string, request: TCreateProviderServiceRequest) => {
    const provider = await providerOf(userId);
    const unit = await checkTaxonomy(request);
    const row = await insertService(db, { ...request, unit, providerId: provider.id });
    await announce(provider.id);
    return toService(row);
  };

  const changeService = async (
    userId: string,
    serviceId: string,
    change: TUpdateProviderServiceRequest,
  ) => {
    const provider = await providerOf(userId);
    const row = await updateService(db, provider.id, serviceId, change);
    if (!row) throw notFound('Service not found');
    await announce(provider.id);
    return toService(row);
  };

  const removeService = async (userId: string, serviceId: string) => {
    const provider = await providerOf(userId);
    const deleted = await deleteService(db, provider.id, serviceId);
    if (!deleted) throw notFound('Service not found');
    await announce(provider.id, [deleted.categorySlug]);
  };

  const addArea = async (
    userId: string,
    request: TCreateServiceAreaRequest,
  ): Promise<TServiceArea> => {
    const provider = await providerOf(userId);
    const area = resolveServiceArea(directory, request);
    const row = await insertArea(db, { ...area, providerId: provider.id });
    await announce(provider.id);
    return toArea(row);
  };

  const removeArea = async (userId: string, areaId: string) => {
    const provider = await providerOf(userId);
    if (!(await deleteArea(db, provider.id, areaId))) throw notFound('Service area not found');
    await announce(provider.id);
  };

  return {
    providerOf,
    publicProviderOf,
    announce,
    recomputeRating,
    register,
    getProfile,
    updateProfile,
    listOwnServices,
    addService,
    changeService,
    removeService,
    addArea,
    removeArea,
  };
};

export type ProvidersService = ReturnType<typeof createProvidersService>;
