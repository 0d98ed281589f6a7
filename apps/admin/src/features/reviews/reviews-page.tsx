import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminReview, TModeratedReview } from '@localkart/contracts/admin';
import { formatDate } from '@localkart/web-kit/format';
import { Badge, PageTitle } from '@localkart/web-kit/ui/card';
import { SelectField, TextField } from '@localkart/web-kit/ui/field';
import { DataTable, FilterBar, type Column } from '../../components/data-table';
import { oneOf, UUID_PATTERN } from '../../components/form-values';
import { IdText } from '../../components/id-text';
import { useListParams } from '../../components/use-list-params';
import { RatingStars } from './rating-stars';
import { ReviewDrawer } from './review-drawer';
import { useAdminReviewsQuery } from './reviews-api';

const FILTERS = ['rating', 'hidden', 'providerId'] as const;
const RATINGS = ['5', '4', '3', '2', '1'] as const;
const FLAGS = ['false', 'true'] as const;

const ReviewsPage = () => {
  const { t, i18n } = useTranslation();
  const [params, update] = useListParams([...FILTERS, 'order', 'review'] as const);
  const { page, review: openId } = params;
  const order = params.order === 'asc' ? 'asc' : 'desc';
  const rating = oneOf(RATINGS, params.rating);
  const hidden = oneOf(FLAGS, params.hidden);
  const result = useAdminReviewsQuery({
    page,
    limit: 20,
    order,
    ...(rating ? { rating } : {}),
    ...(hidden ? { hidden } : {}),
    ...(params.providerId ? { providerId: params.providerId } : {}),
  });
  // The last moderation's answer: the drawer keeps showing that review (with the new rating)
  // even when the list, refetched under its filters, no longer holds it.
  const [moderated, setModerated] = useState<TModeratedReview>();
  const open =
    (moderated?.review.id === openId ? moderated?.review : undefined) ??
    result.data?.items.find((item) => item.id === openId);

  const columns: Column<TAdminReview>[] = [
    {
      id: 'date',
      header: t('reviews.columns.date'),
      sortKey: 'createdAt',
      firstOrder: 'desc',
      cell: (row) => (
        <span className="whitespace-nowrap">{formatDate(row.createdAt, i18n.language)}</span>
      ),
    },
    {
      id: 'rating',
      header: t('reviews.columns.rating'),
      cell: (row) => <RatingStars rating={row.rating} />,
    },
    {
      id: 'comment',
      header: t('reviews.columns.comment'),
      cell: (row) => (
        <span className="line-clamp-2 max-w-md whitespace-pre-line">
          {row.comment || t('common.none')}
        </span>
      ),
    },
    {
      id: 'provider',
      header: t('reviews.columns.provider'),
      cell: (row) => <IdText id={row.providerId} />,
    },
    {
      id: 'status',
      header: t('reviews.columns.status'),
      cell: (row) =>
        row.isHidden ? (
          <Badge tone="red">{t('reviews.hidden')}</Badge>
        ) : (
          <Badge tone="green">{t('reviews.visible')}</Badge>
        ),
    },
  ];

  return (
    <>
      <PageTitle title={t('reviews.title')} subtitle={t('reviews.subtitle')} />
      <DataTable
        caption={t('reviews.caption')}
        columns={columns}
        rowKey={(row) => row.id}
        rowLabel={(row) =>
          t('reviews.rowLabel', {
            rating: row.rating,
            date: formatDate(row.createdAt, i18n.language),
          })
        }
        result={result}
        page={page}
        onPage={(next) => update({ page: next })}
        sort={{ key: 'createdAt', order }}
        onSort={(sort) => update({ order: sort.order })}
        onOpen={(row) => update({ review: row.id, page })}
        filters={
          <FilterBar
            key={FILTERS.map((name) => params[name] ?? '').join('|')}
            label={t('reviews.filters.label')}
            onApply={(values) =>
              update(Object.fromEntries(FILTERS.map((name) => [name, values[name]])))
            }
            onReset={() => update(Object.fromEntries(FILTERS.map((name) => [name, undefined])))}
          >
            <div className="w-36">
              <SelectField
                name="rating"
                label={t('reviews.filters.rating')}
                defaultValue={rating ?? ''}
              >
                <option value="">{t('reviews.filters.any')}</option>
                {RATINGS.map((value) => (
                  <option key={value} value={value}>
                    {t('reviews.filters.stars', { count: Number(value) })}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="w-44">
              <SelectField
                name="hidden"
                label={t('reviews.filters.visibility')}
                defaultValue={hidden ?? ''}
              >
                <option value="">{t('reviews.filters.any')}</option>
                <option value="false">{t('reviews.filters.visible')}</option>
                <option value="true">{t('reviews.filters.hidden')}</option>
              </SelectField>
            </div>
            <div className="w-80">
              <TextField
                name="providerId"
                label={t('reviews.filters.providerId')}
                title={t('reviews.filters.providerIdHint')}
                defaultValue={params.providerId}
                pattern={UUID_PATTERN}
              />
            </div>
          </FilterBar>
        }
      />
      <ReviewDrawer
        review={open}
        moderated={moderated?.review.id === open?.id ? moderated : undefined}
        onModerated={setModerated}
        onClose={() => {
          setModerated(undefined);
          update({ review: undefined, page });
        }}
      />
    </>
  );
};

export default ReviewsPage;
