import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { TErrorEnvelope } from '@localkart/contracts/envelope';
import type { TFieldError } from '@localkart/contracts/errors';

type QueryError = FetchBaseQueryError | SerializedError | undefined;

const envelopeOf = (error: QueryError): TErrorEnvelope['error'] | undefined => {
  if (!error || !('status' in error)) return undefined;
  const body = error.data as Partial<TErrorEnvelope> | undefined;
  return body && typeof body === 'object' && body.error ? body.error : undefined;
};

/** The API's own message (already user-facing), or undefined for network and unknown errors. */
export const apiMessage = (error: QueryError): string | undefined => envelopeOf(error)?.message;

/** What a failed request tells the user: the API's message, else `fallback`; nothing if it worked. */
export const errorMessage = (error: QueryError, fallback: string): string | undefined =>
  error ? (apiMessage(error) ?? fallback) : undefined;

export const apiCode = (error: QueryError): string | undefined => envelopeOf(error)?.code;

/** Per-field messages of a VALIDATION_ERROR, keyed by the dotted path. */
export const fieldErrors = (error: QueryError): Record<string, string> => {
  const details = envelopeOf(error)?.details;
  if (!Array.isArray(details)) return {};
  const byPath: Record<string, string> = {};
  for (const detail of details as TFieldError[])
    if (detail && typeof detail.path === 'string') byPath[detail.path] ??= detail.message;
  return byPath;
};

export const isOffline = (error: QueryError) =>
  !!error && 'status' in error && error.status === 'FETCH_ERROR';
