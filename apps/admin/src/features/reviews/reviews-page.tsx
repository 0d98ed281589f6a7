import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminReview, TModeratedReview } from '@localkart/contracts/admin';
import { formatDate } from '@localkart/web-kit/format';
import { Badge, PageTitle } from '@localkart/web-kit/ui/card';
import { DataTable, type Column } from '../../components/data-table';
import { FilterBar, IdFilter, SelectFilter } from '../../components/filter-bar';
import { oneOf } from '../../components/form-values';
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
            label={t('reviews.filters.label')}
            names={FILTERS}
            values={params}
            onChange={update}
          >
            <SelectFilter
              widthClass="w-36"
              name="rating"
              label={t('reviews.filters.rating')}
              any={t('reviews.filters.any')}
              options={RATINGS.map((value) => ({
                value,
                label: t('reviews.filters.stars', { count: Number(value) }),
              }))}
              defaultValue={rating ?? ''}
            />
            <SelectFilter
              widthClass="w-44"
              name="hidden"
              label={t('reviews.filters.visibility')}
              any={t('reviews.filters.any')}
              options={[
                { value: 'false', label: t('reviews.filters.visible') },
                { value: 'true', label: t('reviews.filters.hidden') },
              ]}
              defaultValue={hidden ?? ''}
            />
            <IdFilter
              widthClass="w-80"
              name="providerId"
              label={t('reviews.filters.providerId')}
              hint={t('reviews.filters.providerIdHint')}
              defaultValue={params.providerId}
            />
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
