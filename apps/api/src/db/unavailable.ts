const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

const connectionErrorMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error',
  'Connection refused',
];

const causes = function* (error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let current = error; current && !seen.has(current);) {
    seen.add(current);
    yield current;
    current = current instanceof Error ? current.cause : undefined;
  }
};

/**
 * True when an error (or anything in its `cause` chain, where Drizzle puts the driver's error)
 * says the database could not be reached, as opposed to a query that failed on a live server.
 */
export const isDatabaseUnavailableError = (error: unknown): boolean => {
  for (const cause of causes(error)) {
    if (!(cause instanceof Error)) continue;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (connectionErrorCodes.has(code) || code.startsWith('08'))) {
      return true;
    }
    if (connectionErrorMessages.some((text) => cause.message.includes(text))) return true;
    if (cause instanceof AggregateError && cause.errors.some(isDatabaseUnavailableError))
      return true;
  }
  return false;
};
