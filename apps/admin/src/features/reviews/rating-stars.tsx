import { useTranslation } from 'react-i18next';

/** ★★★★☆ with its words for screen readers. */
export const RatingStars = ({ rating }: { rating: number }) => {
  const { t } = useTranslation();
  return (
    <span className="whitespace-nowrap">
      <span aria-hidden="true" className="tracking-tight text-amber-500">
        {'★'.repeat(rating)}
        <span className="text-slate-300">{'★'.repeat(Math.max(0, 5 - rating))}</span>
      </span>
      <span className="sr-only">{t('reviews.stars', { rating })}</span>
    </span>
  );
};
