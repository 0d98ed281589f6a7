/** PostgreSQL SQLSTATE of an error or of anything in its `cause` chain (Drizzle wraps them). */
const sqlStateOf = (error: unknown): string | undefined => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
};

export const isUniqueViolation = (error: unknown): boolean => sqlStateOf(error) === '23505';
