import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TAdminReview, TModeratedReview } from '@localkart/contracts/admin';
import { errorMessage } from '@localkart/web-kit/api-error';
import { formatDateTime } from '@localkart/web-kit/format';
import { Button, buttonClass } from '@localkart/web-kit/ui/button';
import { Badge } from '@localkart/web-kit/ui/card';
import { Notice } from '@localkart/web-kit/ui/states';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Drawer } from '../../components/drawer';
import { RatingStars } from './rating-stars';
import { useModerateReviewMutation } from './reviews-api';

/** The whole review, who it concerns, and hiding or showing it (with a reason). */
export const ReviewDrawer = ({
  review,
  moderated,
  onModerated,
  onClose,
}: {
  review: TAdminReview | undefined;
  /** The answer to the last hide or unhide of this review, with the provider's new rating. */
  moderated: TModeratedReview | undefined;
  onModerated: (result: TModeratedReview) => void;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [moderate, state] = useModerateReviewMutation();

  const confirm = async (reason: string | undefined) => {
    if (!review || !reason) return;
    const result = await moderate({ review, hide: !review.isHidden, reason });
    if (result.data) {
      onModerated(result.data);
      setConfirming(false);
    }
  };
  const dialog = review?.isHidden ? 'unhideDialog' : 'hideDialog';

  return (
    <Drawer
      open={!!review}
      title={review ? t('reviews.drawer.title', { rating: review.rating }) : ''}
      subtitle={
        review &&
        t('reviews.drawer.written', { date: formatDateTime(review.createdAt, i18n.language) })
      }
      onClose={onClose}
      footer={
        review &&
        (review.isHidden ? (
          <Button onClick={() => setConfirming(true)}>{t('reviews.drawer.unhide')}</Button>
        ) : (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('reviews.drawer.hide')}
          </Button>
        ))
      }
    >
      {review && (
        <div className="space-y-6 text-sm">
          {moderated && <RatingNotice moderated={moderated} />}
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-xl">
              <RatingStars rating={review.rating} />
            </span>
            {review.isHidden ? (
              <Badge tone="red">{t('reviews.hidden')}</Badge>
            ) : (
              <Badge tone="green">{t('reviews.visible')}</Badge>
            )}
          </div>
          {review.isHidden && (
            <section className="rounded-lg border border-red-200 bg-red-50 p-3">
              <h3 className="font-semibold text-red-900">{t('reviews.drawer.hiddenReason')}</h3>
              <p className="mt-1 whitespace-pre-line text-red-900">
                {review.hiddenReason ?? t('common.none')}
              </p>
            </section>
          )}
          <section>
            <h3 className="font-semibold text-slate-900">{t('reviews.drawer.comment')}</h3>
            <p className="mt-1 whitespace-pre-line break-words text-slate-800">
              {review.comment || t('reviews.drawer.noComment')}
            </p>
          </section>
          <section>
            <h3 className="font-semibold text-slate-900">{t('reviews.drawer.reply')}</h3>
            <p className="mt-1 whitespace-pre-line break-words text-slate-800">
              {review.reply ?? t('reviews.drawer.noReply')}
            </p>
          </section>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 border-t border-slate-200 pt-4">
            {(
              [
                ['booking', review.bookingId],
                ['provider', review.providerId],
                ['customer', review.customerId],
              ] as const
            ).map(([label, id]) => (
              <div key={label}>
                <dt className="text-slate-500">{t(`reviews.drawer.${label}`)}</dt>
                <dd className="break-all font-mono text-xs text-slate-800">{id}</dd>
              </div>
            ))}
          </dl>
          <Link
            to={`/verification?provider=${review.providerId}`}
            className={buttonClass('secondary', 'px-3 py-1.5')}
          >
            {t('reviews.drawer.openProvider')}
          </Link>
        </div>
      )}
      <ConfirmDialog
        open={confirming && !!review}
        title={t(`reviews.${dialog}.title`)}
        message={t(`reviews.${dialog}.body`)}
        confirmLabel={t(`reviews.${dialog}.confirm`)}
        reason="required"
        destructive={!review?.isHidden}
        busy={state.isLoading}
        error={errorMessage(state.error, t('common.errorBody'))}
        onConfirm={(reason) => void confirm(reason)}
        onCancel={() => {
          setConfirming(false);
          state.reset();
        }}
      />
    </Drawer>
  );
};

const RatingNotice = ({ moderated }: { moderated: TModeratedReview }) => {
  const { t } = useTranslation();
  const { average, count } = moderated.providerRating;
  return (
    <Notice tone="success">
      <p className="font-semibold">
        {moderated.review.isHidden ? t('reviews.moderated.hidden') : t('reviews.moderated.shown')}
      </p>
      <p className="mt-0.5">
        {count > 0
          ? t('reviews.moderated.rating', { count, average: average.toFixed(1) })
          : t('reviews.moderated.noRating')}
      </p>
    </Notice>
  );
};
