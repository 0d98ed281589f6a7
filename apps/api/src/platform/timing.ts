/** Rejects with a timeout error if `promise` has not settled within `ms`. */
export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/**
 * Waits for `work` at most `ms`: 'done' when it resolved in time, 'failed' when it rejected,
 * 'timeout' when it had not settled. Never throws; a late rejection is swallowed.
 */
export const settleWithin = async (
  work: Promise<unknown>,
  ms: number,
): Promise<'done' | 'failed' | 'timeout'> =>
  withTimeout(
    work.then(
      () => 'done' as const,
      () => 'failed' as const,
    ),
    ms,
    'work',
  ).catch(() => 'timeout' as const);
