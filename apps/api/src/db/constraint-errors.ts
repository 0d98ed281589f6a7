/** PostgreSQL SQLSTATE of an error or of anything in its `cause` chain (Drizzle wraps them). */
const sqlStateOf = (error: unknown): string | undefined => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
};

export const isUniqueViolation = (error: unknown): boolean => sqlStateOf(error) === '23505';

/** 23P01: an exclusion constraint refused the row (e.g. an overlapping booking). */
export const isExclusionViolation = (error: unknown): boolean => sqlStateOf(error) === '23P01';

/** How often `retryingDeadlocks` runs the work in all. */
const DEADLOCK_ATTEMPTS = 3;

/**
 * Runs `work` again when PostgreSQL broke a deadlock by aborting it (40P01). Concurrent writers
 * of an exclusion constraint can deadlock by design: each inserts its row, then waits for the
 * other's transaction to decide whether the two conflict. The bookings repository's writers
 * queue on a per-provider lock so that this does not happen among them; the retry is for what
 * that lock does not order. The one aborted has rolled back, and its retry meets the survivor's
 * outcome (a committed row refuses it, a rolled-back one does not). `work` must be a whole
 * transaction or statement, safe to run again.
 */
export const retryingDeadlocks = async <T>(work: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || sqlStateOf(error) !== '40P01') throw error;
    }
  }
};
