import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ListParams<K extends string> = Partial<Record<K, string>> & { page: number };

/**
 * A list screen's page, sort and filters, kept in the address: reload, back and a shared link
 * show the same rows. Changing anything but the page goes back to page 1.
 */
export const useListParams = <K extends string>(keys: readonly K[]) => {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const values: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = search.get(key);
      if (value) values[key] = value;
    }
    const page = Number(search.get('page'));
    const params: ListParams<K> = {
      ...values,
      page: Number.isInteger(page) && page > 0 ? page : 1,
    };
    return params;
    // `keys` is a constant list per screen; the search string is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const update = useCallback(
    (changes: Partial<Record<K | 'page', string | number | undefined>>) => {
      setSearch((previous) => {
        const next = new URLSearchParams(previous);
        const entries: [string, string | number | undefined][] = Object.entries(changes);
        for (const [key, value] of entries) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      });
    },
    [setSearch],
  );
  return [params, update] as const;
};
