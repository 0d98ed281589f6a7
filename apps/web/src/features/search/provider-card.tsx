import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TProviderCard } from '@localkart/contracts/search';
import { formatPaise } from '@localkart/web-kit/format';
import { Badge, Stars } from '@localkart/web-kit/ui/card';

/** One provider in a result list; `extra` carries the AI match's score and reason. */
export const ProviderCard = ({
  provider,
  extra,
}: {
  provider: TProviderCard;
  extra?: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <article
      data-testid="provider-card"
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-teal-300 hover:shadow-md"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate text-base font-semibold text-slate-900">
            <Link
              to={`/providers/${provider.id}`}
              className="hover:text-teal-800 focus-visible:underline"
            >
              {provider.businessName}
            </Link>
          </h3>
          <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            <Stars average={provider.rating.average} count={provider.rating.count} />
            <span>{t('search.kmAway', { km: provider.distanceKm.toFixed(1) })}</span>
            <span>{provider.city}</span>
          </div>
        </div>
        <div className="shrink-0 text-right">
          <p className="text-xs text-slate-500">{t('search.from')}</p>
          <p className="font-bold text-slate-900">{formatPaise(provider.priceFrom.paise)}</p>
        </div>
      </div>
      <p className="mt-2 line-clamp-2 text-sm text-slate-600">{provider.summary}</p>
      <div className="mt-3 flex flex-wrap items-center gap-1.5">
        {provider.isVerified && <Badge tone="green">✓ {t('search.verified')}</Badge>}
        {provider.skills.slice(0, 3).map((skill) => (
          <Badge key={skill}>{skill}</Badge>
        ))}
      </div>
      {extra}
    </article>
  );
};
