/** What an id filter accepts, as an input `pattern` (the browser refuses anything else). */
export const UUID_PATTERN =
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A value from the address that must be one of a contract's options, or nothing. */
export const oneOf = <T extends string>(options: readonly T[], value: string | undefined) =>
  options.find((option) => option === value);

type Issue = { path: readonly PropertyKey[]; message: string };

/**
 * A zod error's messages by dotted path (`names.en`), first message per path: the same keys the
 * API's VALIDATION_ERROR details use (web-kit `fieldErrors`), so one form shows both the same way.
 */
export const messagesByPath = (issues: readonly Issue[]): Record<string, string> => {
  const byPath: Record<string, string> = {};
  for (const issue of issues) byPath[issue.path.map(String).join('.')] ??= issue.message;
  return byPath;
};
