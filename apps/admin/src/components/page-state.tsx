import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { ReactNode } from 'react';
import { apiMessage } from '@localkart/web-kit/api-error';
import { EmptyState, ErrorState, Loading } from '@localkart/web-kit/ui/states';

type Result<T> = {
  data?: T | undefined;
  isLoading: boolean;
  error?: FetchBaseQueryError | SerializedError | undefined;
  refetch: () => unknown;
};

/**
 * A query's three other states before its content: loading the first time, failed (with the
 * API's message and a retry), or empty. Later refetches keep the content on screen.
 */
export const QueryState = <T,>({
  result,
  isEmpty,
  emptyTitle,
  children,
}: {
  result: Result<T>;
  isEmpty?: (data: T) => boolean;
  emptyTitle?: string;
  children: (data: T) => ReactNode;
}) => {
  const { data, isLoading, error, refetch } = result;
  if (isLoading) return <Loading />;
  if (error || data === undefined)
    return <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />;
  if (isEmpty?.(data) && emptyTitle) return <EmptyState title={emptyTitle} />;
  return <>{children(data)}</>;
};
