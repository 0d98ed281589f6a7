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
