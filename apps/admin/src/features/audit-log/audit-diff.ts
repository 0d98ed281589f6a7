export type DiffRow = { field: string; before: string; after: string; changed: boolean };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** Leaf values by dotted path (`location.city`); arrays stay whole, as one value. */
const flatten = (value: unknown, prefix = '', into: Map<string, unknown> = new Map()) => {
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) into.set(prefix, value);
  else if (value !== null && value !== undefined) into.set('value', value);
  return into;
};

/**
 * An audit entry's before and after as field rows, the changed ones first: the snapshots are
 * whatever the action recorded (a row, a status, a role), so nothing about their shape is assumed.
 */
export const auditDiff = (before: unknown, after: unknown): DiffRow[] => {
  const old = flatten(before);
  const now = flatten(after);
  const fields = [...new Set([...old.keys(), ...now.keys()])];
  const rows = fields.map((field) => {
    const was = show(old.get(field));
    const is = show(now.get(field));
    return { field, before: was, after: is, changed: was !== is };
  });
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
};
