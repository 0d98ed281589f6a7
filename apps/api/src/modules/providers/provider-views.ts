import type {
  TAvailabilityException,
  TPortfolioItem,
  TProviderDocument,
  TProviderService,
  TServiceArea,
} from '@localkart/contracts/providers';
import type { Storage } from '../../platform/storage/storage';
import { clockOf } from './availability';
import type { DocumentRow, PortfolioRow } from './provider-media.repo';
import type { ExceptionRow } from './provider-schedule.repo';
import type { AreaRow, ServiceRow } from './providers.repo';

/** Responses are built field by field, never from a whole row (SECURITY.md). */
export const toService = (row: ServiceRow): TProviderService => ({
  id: row.id,
  categorySlug: row.categorySlug,
  subcategorySlug: row.subcategorySlug,
  title: row.title,
  description: row.description,
  basePricePaise: row.basePricePaise,
  currency: 'INR',
  unit: row.unit,
  isActive: row.isActive,
});

export const toArea = (row: AreaRow): TServiceArea => ({
  id: row.id,
  city: row.city,
  pincodes: row.pincodes,
  localities: row.localities,
  radiusKm: row.radiusKm,
  centre: { lat: row.latitude, lng: row.longitude },
});

export const toException = (row: ExceptionRow): TAvailabilityException => ({
  id: row.id,
  date: row.date,
  allDay: row.allDay,
  start: row.startTime ? clockOf(row.startTime) : null,
  end: row.endTime ? clockOf(row.endTime) : null,
  reason: row.reason,
  note: row.note,
});

/** Object keys of a portfolio image: `portfolio/<provider>/<uuid>` → its two WebP sizes. */
export const portfolioObjectKeys = (imageKey: string) => ({
  large: `${imageKey}-1280.webp`,
  thumbnail: `${imageKey}-320.webp`,
});

export const toPortfolioItem = (row: PortfolioRow, storage: Storage): TPortfolioItem => {
  const keys = portfolioObjectKeys(row.imageKey);
  return {
    id: row.id,
    description: row.description,
    imageUrl: storage.publicUrl(keys.large),
    thumbnailUrl: storage.publicUrl(keys.thumbnail),
    sortOrder: row.sortOrder,
  };
};

/** Documents are private: read through the API, which checks the caller, never a public URL. */
export const documentFileUrl = (id: string) => `/api/providers/documents/${id}/file`;

export const toDocument = (row: DocumentRow): TProviderDocument => ({
  id: row.id,
  type: row.type,
  contentType: row.contentType,
  originalBytes: row.originalBytes,
  status: row.status,
  rejectionReason: row.rejectionReason,
  reviewedAt: row.reviewedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  fileUrl: documentFileUrl(row.id),
});
