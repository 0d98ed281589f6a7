import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { apiCode, apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { TextArea } from '@localkart/web-kit/ui/field';
import { ErrorState, Notice } from '@localkart/web-kit/ui/states';

export const ReviewForm = ({ bookingId }: { bookingId: string }) => {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [images, setImages] = useState<File[]>([]);
  const [send, { isLoading, isSuccess, error }] = api.useReviewMutation();
  if (isSuccess || apiCode(error) === 'CONFLICT')
    return <Notice tone="success">{t('review.thanks')}</Notice>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating > 0) void send({ bookingId, rating, comment, images });
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('review.rating')}</legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className="cursor-pointer">
              <input
                type="radio"
                name="rating"
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
                className="peer sr-only"
              />
              <span
                aria-hidden="true"
                className={`text-3xl peer-focus-visible:outline-2 peer-focus-visible:outline-teal-600 ${value <= rating ? 'text-amber-500' : 'text-slate-300'}`}
              >
                ★
              </span>
              <span className="sr-only">{t('provider.stars', { count: value })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        label={t('review.comment')}
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <div>
        <label className="text-sm font-medium text-slate-700" htmlFor="review-images">
          {t('review.photos')}
        </label>
        <input
          id="review-images"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp"
          className="mt-1 block text-sm"
          onChange={(event) => setImages(Array.from(event.target.files ?? []).slice(0, 5))}
        />
      </div>
      {error && <ErrorState message={apiMessage(error)} />}
      <Button type="submit" busy={isLoading} disabled={rating === 0}>
        {t('review.submit')}
      </Button>
    </form>
  );
};
