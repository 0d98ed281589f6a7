import type { z } from 'zod';

/**
 * The address's filter values that the contract's own field schemas accept, parsed by them
 * (`'false'` becomes `false`, a date stays a date): a hand-edited or stale value is left out
 * instead of making the whole list a 400. Unset fields stay unset, so the API's defaults apply.
 */
export const acceptedParams = <S extends Record<string, z.ZodType>, K extends keyof S & string>(
  shape: S,
  keys: readonly K[],
  values: Partial<Record<K, string>>,
) => {
  const accepted: Partial<{ [P in K]: z.output<S[P]> }> = {};
  for (const key of keys) {
    const value = values[key];
    if (value === undefined) continue;
    const parsed = shape[key]!.safeParse(value);
    if (parsed.success) accepted[key] = parsed.data as z.output<S[K]>;
  }
  return accepted;
};

type Defaulted<T> = { parse: (value: undefined) => T };

/**
 * The sort the API applies to a list: the accepted address values, else the contract's defaults,
 * so the header arrows show the real order before anyone clicks.
 */
export const appliedSort = (
  shape: { sort: Defaulted<string>; order: Defaulted<'asc' | 'desc'> },
  query: { sort?: string | undefined; order?: 'asc' | 'desc' | undefined },
) => ({
  key: query.sort ?? shape.sort.parse(undefined),
  order: query.order ?? shape.order.parse(undefined),
});
