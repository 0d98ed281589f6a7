/** A provider's searchable facts changed: its profile, services, areas, schedule or rating. */
export type ProviderChange = {
  providerId: string;
  /** Categories it offers now or offered before the change. */
  categories: string[];
};

export type ProviderChangeListener = (change: ProviderChange) => Promise<void>;

/**
 * In-process notice of provider changes, awaited by the writer after its commit, so that when a
 * change request returns, caches that depend on it (search results) are already invalidated.
 * Listeners must not throw.
 */
export const createProviderChangeFeed = () => {
  const listeners = new Set<ProviderChangeListener>();
  return {
    subscribe: (listener: ProviderChangeListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish: async (change: ProviderChange) => {
      await Promise.all([...listeners].map((listener) => listener(change)));
    },
  };
};

export type ProviderChangeFeed = ReturnType<typeof createProviderChangeFeed>;
