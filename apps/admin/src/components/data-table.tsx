import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { EmptyState, ErrorState, Loading, Spinner } from '@localkart/web-kit/ui/states';
import type { Page } from '../app/api';

export type SortOrder = 'asc' | 'desc';
export type Sort = { key: string; order: SortOrder };

export type Column<T> = {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The API's sort value for this column; without it the header is not sortable. */
  sortKey?: string;
  /** The order a first click asks for (dates and amounts read best newest or largest first). */
  firstOrder?: SortOrder;
  numeric?: boolean;
};

type Props<T> = {
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  result: {
    data?: Page<T> | undefined;
    isLoading: boolean;
    isFetching: boolean;
    error?: FetchBaseQueryError | SerializedError | undefined;
    refetch: () => unknown;
  };
  page: number;
  onPage: (page: number) => void;
  sort?: Sort;
  onSort?: (sort: Sort) => void;
  /** Opens the row's detail; each row then has an Open button (and the row is clickable). */
  onOpen?: (row: T) => void;
  /** Names the row for the Open button's accessible name, e.g. the provider's business name. */
  rowLabel?: (row: T) => string;
  filters?: ReactNode;
  /** What an empty first page says; the default speaks of filters. */
  emptyTitle?: string;
};

const SortMark = ({ order }: { order: SortOrder | undefined }) => (
  <span aria-hidden="true" className={order ? 'text-teal-700' : 'text-slate-300'}>
    {order === 'asc' ? '▲' : order === 'desc' ? '▼' : '↕'}
  </span>
);

/**
 * A page of an admin list: the API pages, sorts and filters (the table only asks), so its
 * totals are the server's and a click on a header is a new request.
 */
export const DataTable = <T,>({
  caption,
  columns,
  rowKey,
  result,
  page,
  onPage,
  sort,
  onSort,
  onOpen,
  rowLabel,
  filters,
  emptyTitle,
}: Props<T>) => {
  const { t } = useTranslation();
  const { data, isLoading, isFetching, error, refetch } = result;
  const meta = data?.meta ?? {};
  const pages =
    meta.total !== undefined && meta.limit ? Math.max(1, Math.ceil(meta.total / meta.limit)) : page;

  const header = (column: Column<T>) => {
    const active = column.sortKey && sort?.key === column.sortKey ? sort.order : undefined;
    if (!column.sortKey || !onSort) return column.header;
    const sortKey = column.sortKey;
    const next: SortOrder = active
      ? active === 'asc'
        ? 'desc'
        : 'asc'
      : (column.firstOrder ?? 'asc');
    return (
      <button
        type="button"
        onClick={() => onSort({ key: sortKey, order: next })}
        aria-label={t('table.sortBy', { column: column.header })}
        className="inline-flex items-center gap-1 rounded font-semibold hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600"
      >
        {column.header}
        <SortMark order={active} />
      </button>
    );
  };

  return (
    <div className="space-y-4">
      {filters}
      {isLoading ? (
        <Loading />
      ) : error || !data ? (
        <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <EmptyState title={emptyTitle ?? t('table.empty')} />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-busy={isFetching}>
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
              <tr>
                {columns.map((column) => {
                  const active = column.sortKey && sort?.key === column.sortKey;
                  return (
                    <th
                      key={column.id}
                      scope="col"
                      aria-sort={
                        active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined
                      }
                      className={`px-4 py-3 font-semibold ${column.numeric ? 'text-right' : ''}`}
                    >
                      {header(column)}
                    </th>
                  );
                })}
                {onOpen && (
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">{t('table.open')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className={`divide-y divide-slate-100 ${isFetching ? 'opacity-60' : ''}`}>
              {data.items.map((row) => (
                <tr
                  key={rowKey(row)}
                  // The Open button is the keyboard way in; a click anywhere on the row is a
                  // shortcut for the mouse.
                  onClick={onOpen ? () => onOpen(row) : undefined}
                  className={onOpen ? 'cursor-pointer hover:bg-teal-50/50' : undefined}
                >
                  {columns.map((column) => (
                    <td
                      key={column.id}
                      className={`px-4 py-3 align-top text-slate-700 ${column.numeric ? 'text-right tabular-nums' : ''}`}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                  {onOpen && (
                    <td className="px-4 py-2 text-right">
                      <Button
                        variant="ghost"
                        className="px-3 py-1.5"
                        aria-label={rowLabel ? `${t('table.open')}: ${rowLabel(row)}` : undefined}
                        onClick={(event) => {
                          event.stopPropagation();
                          onOpen(row);
                        }}
                      >
                        {t('table.open')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.items.length > 0 && (
        <nav
          aria-label={t('table.pagination')}
          className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
        >
          <span>
            {meta.total !== undefined && t('table.results', { count: meta.total })}
            {isFetching && (
              <span className="ml-2 inline-flex align-middle text-teal-700">
                <Spinner small />
              </span>
            )}
          </span>
          <div className="flex items-center gap-2">
            <Button
              variant="secondary"
              className="px-3 py-1.5"
              disabled={page <= 1}
              onClick={() => onPage(page - 1)}
            >
              ← <span className="sr-only sm:not-sr-only">{t('table.previous')}</span>
            </Button>
            <span aria-live="polite">{t('table.pageOf', { page, pages })}</span>
            <Button
              variant="secondary"
              className="px-3 py-1.5"
              disabled={!meta.hasNext}
              onClick={() => onPage(page + 1)}
            >
              <span className="sr-only sm:not-sr-only">{t('table.next')}</span> →
            </Button>
          </div>
        </nav>
      )}
    </div>
  );
};
