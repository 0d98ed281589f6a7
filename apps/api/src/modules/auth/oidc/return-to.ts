const MAX_LENGTH = 512;

/**
 * A path on the web app to land on after signing in, or `undefined` when the value is not one:
 * it must start with exactly one `/` (not `//` or `/\`, which browsers read as another host) and
 * hold no whitespace or control characters. It is only ever appended to APP_URL.
 */
export const safeReturnTo = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return undefined;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (!/^\/(?![/\\])[^\s\u0000-\u001f\u007f\\]*$/.test(value)) return undefined;
  return value;
};
