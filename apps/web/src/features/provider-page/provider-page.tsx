import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Circle, MapContainer, TileLayer } from 'react-leaflet';
import type { TPublicProviderProfile } from '@localkart/contracts/providers';
import { api } from '../../api/api';
import { useSession } from '../../app/store';
import { apiMessage } from '@localkart/web-kit/api-error';
import {
  formatCalendarDate,
  formatClock,
  formatDate,
  formatPaise,
} from '@localkart/web-kit/format';
import { buttonClass, Button } from '@localkart/web-kit/ui/button';
import { Badge, Card, Stars } from '@localkart/web-kit/ui/card';
import { EmptyState, ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { TILE_ATTRIBUTION, TILE_URL } from '../search/results-map';
import { slotsByDay } from '../booking/slots';

const AreaMap = ({ areas }: { areas: TPublicProviderProfile['serviceAreas'] }) => {
  const first = areas[0];
  if (!first) return null;
  return (
    <MapContainer
      center={[first.centre.lat, first.centre.lng]}
      zoom={10}
      scrollWheelZoom={false}
      className="h-64 w-full rounded-xl"
    >
      <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />
      {areas.map((area) => (
        <Circle
          key={`${area.centre.lat},${area.centre.lng}`}
          center={[area.centre.lat, area.centre.lng]}
          radius={area.radiusKm * 1000}
          pathOptions={{ color: '#0f766e', fillOpacity: 0.12 }}
        />
      ))}
    </MapContainer>
  );
};

const NextSlots = ({ provider }: { provider: TPublicProviderProfile }) => {
  const { t, i18n } = useTranslation();
  const days = slotsByDay({
    availability: provider.availability,
    unavailableDates: provider.unavailableDates.filter((day) => day.allDay).map((day) => day.date),
    timeZone: provider.timeZone,
    durationMinutes: 60,
    now: new Date(),
    days: 7,
  }).slice(0, 3);
  if (days.length === 0) return <p className="text-sm text-slate-600">{t('booking.noSlots')}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {days.map((day) => (
        <li key={day.date} className="flex flex-wrap items-baseline gap-2">
          <span className="w-28 font-medium text-slate-700">
            {formatCalendarDate(day.date, i18n.language)}
          </span>
          <span className="text-slate-600">
            {day.slots
              .slice(0, 4)
              .map((slot) => formatClock(slot.time, i18n.language))
              .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
};

const Reviews = ({ providerId }: { providerId: string }) => {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isLoading, error } = api.useProviderReviewsQuery({ providerId, page });
  if (isLoading) return <Loading />;
  if (error || !data) return <ErrorState message={apiMessage(error)} />;
  if (data.items.length === 0) return <EmptyState title={t('provider.noReviews')} />;
  return (
    <div>
      <ul className="divide-y divide-slate-100">
        {data.items.map((review) => (
          <li key={review.id} className="py-4">
            <div className="flex items-center justify-between gap-2">
              <p className="font-semibold text-slate-800">{review.reviewerName}</p>
              <span
                className="text-amber-500"
                aria-label={t('provider.stars', { count: review.rating })}
              >
                {'★'.repeat(review.rating)}
                <span className="text-slate-300">{'★'.repeat(5 - review.rating)}</span>
              </span>
            </div>
            <p className="text-xs text-slate-500">{formatDate(review.createdAt, i18n.language)}</p>
            {review.comment && (
              <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{review.comment}</p>
            )}
            {review.images.length > 0 && (
              <div className="mt-2 flex gap-2">
                {review.images.map((image) => (
                  <a key={image.url} href={image.url} target="_blank" rel="noreferrer">
                    <img
                      src={image.thumbnailUrl}
                      alt=""
                      className="h-16 w-16 rounded-lg object-cover"
                    />
                  </a>
                ))}
              </div>
            )}
            {review.reply && (
              <div className="mt-2 rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
                <p className="text-xs font-semibold text-slate-500">{t('provider.reply')}</p>
                <p className="whitespace-pre-line">{review.reply.text}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
      {(page > 1 || data.meta.hasNext) && (
        <div className="mt-3 flex justify-between">
          <Button
            variant="secondary"
            disabled={page === 1}
            onClick={() => setPage((value) => value - 1)}
          >
            {t('common.previous')}
          </Button>
          <Button
            variant="secondary"
            disabled={!data.meta.hasNext}
            onClick={() => setPage((value) => value + 1)}
          >
            {t('common.next')}
          </Button>
        </div>
      )}
    </div>
  );
};

export const ProviderPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const { data: provider, isLoading, error, refetch } = api.usePublicProviderQuery(id);
  if (isLoading) return <Loading />;
  if (error || !provider)
    return <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />;
  const summary = provider.aiGeneratedProfile?.summary || provider.description;
  const canBook = !user || user.role === 'customer';
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_340px]">
      <div className="space-y-6">
        <Card>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
                {provider.businessName}
              </h1>
              <p className="mt-1 text-sm text-slate-600">
                {t('provider.by', { name: provider.ownerName })}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <Stars average={provider.rating.average} count={provider.rating.count} />
                {provider.isVerified && <Badge tone="green">✓ {t('search.verified')}</Badge>}
                {provider.serviceAreas[0] && <Badge>{provider.serviceAreas[0].city}</Badge>}
              </div>
            </div>
          </div>
          {canBook && (
            // On a phone the booking card is far below; the first screen gets its own button.
            <Link
              to={`/book/${provider.id}`}
              className={buttonClass('primary', 'mt-4 w-full lg:hidden')}
            >
              {t('provider.book')}
            </Link>
          )}
          {summary && <p className="mt-4 whitespace-pre-line text-slate-700">{summary}</p>}
          {provider.aiGeneratedProfile && (
            <div className="mt-4 flex flex-wrap gap-1.5">
              {[
                ...new Set([
                  ...provider.aiGeneratedProfile.skills,
                  ...provider.aiGeneratedProfile.specialties,
                ]),
              ].map((skill) => (
                <Badge key={skill} tone="teal">
                  {skill}
                </Badge>
              ))}
            </div>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t('provider.services')}</h2>
          <ul className="divide-y divide-slate-100">
            {provider.services.map((service) => (
              <li key={service.id} className="flex items-start justify-between gap-4 py-3">
                <div className="min-w-0">
                  <p className="font-medium text-slate-800">{service.title}</p>
                  {service.description && (
                    <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">
                      {service.description}
                    </p>
                  )}
                </div>
                <div className="shrink-0 text-right">
                  <p className="font-semibold">{formatPaise(service.basePricePaise)}</p>
                  <p className="text-xs text-slate-500">{t(`units.${service.unit}`)}</p>
                </div>
              </li>
            ))}
          </ul>
        </Card>
        {provider.portfolio.length > 0 && (
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t('provider.portfolio')}</h2>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {provider.portfolio.map((item) => (
                <figure key={item.id}>
                  <img
                    src={item.thumbnailUrl}
                    alt={item.description}
                    className="aspect-square w-full rounded-xl object-cover"
                  />
                  {item.description && (
                    <figcaption className="mt-1 text-xs text-slate-600">
                      {item.description}
                    </figcaption>
                  )}
                </figure>
              ))}
            </div>
          </Card>
        )}
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t('provider.reviews')}</h2>
          <Reviews providerId={provider.id} />
        </Card>
      </div>
      <aside className="space-y-6 lg:sticky lg:top-24 lg:self-start">
        <Card>
          <h2 className="mb-3 font-semibold">{t('provider.nextSlots')}</h2>
          <NextSlots provider={provider} />
          {canBook && (
            <Link to={`/book/${provider.id}`} className={buttonClass('primary', 'mt-4 w-full')}>
              {t('provider.book')}
            </Link>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">{t('provider.serviceArea')}</h2>
          <AreaMap areas={provider.serviceAreas} />
          <p className="mt-2 text-xs text-slate-500">
            {provider.serviceAreas
              .map((area) => t('provider.areaLine', { city: area.city, km: area.radiusKm }))
              .join(' · ')}
          </p>
        </Card>
      </aside>
    </div>
  );
};
