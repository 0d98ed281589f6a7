import type { TAdminCategory, TAdminSubcategory } from '@localkart/contracts/admin';
import type { TServiceUnit } from '@localkart/contracts/taxonomy';

/** What the editor's fields hold: text as typed, prices in rupees. */
export type TaxonomyFormValues = {
  slug: string;
  nameEn: string;
  nameHi: string;
  description: string;
  unit: TServiceUnit;
  minRupees: string;
  maxRupees: string;
  synonyms: string;
  sortOrder: string;
  isActive: boolean;
  reason: string;
};
export type TaxonomyField = keyof TaxonomyFormValues | 'form';
type Entry = TAdminCategory | TAdminSubcategory;

const paiseToRupees = (paise: number) =>
  paise % 100 === 0 ? String(paise / 100) : (paise / 100).toFixed(2);

/** The fields for a new entry, or filled from an existing one. */
export const formValuesOf = (entry?: Entry): TaxonomyFormValues => ({
  slug: entry?.slug ?? '',
  nameEn: entry?.names.en ?? '',
  nameHi: entry?.names.hi ?? '',
  description: entry && 'description' in entry ? entry.description : '',
  unit: entry?.unit ?? 'service',
  minRupees: entry ? paiseToRupees(entry.priceRange.minPaise) : '',
  maxRupees: entry ? paiseToRupees(entry.priceRange.maxPaise) : '',
  synonyms: entry?.synonyms.join('\n') ?? '',
  sortOrder: String(entry?.sortOrder ?? 0),
  isActive: entry?.isActive ?? true,
  reason: '',
});

/**
 * Rupees as typed (`1,499.50`) to paise. Left for the contract to judge, never rounded: empty is
 * undefined (required), words are NaN, and a third decimal stays fractional ("whole paise").
 */
export const rupeesToPaise = (text: string): number | undefined => {
  const plain = text.replace(/[₹,\s]/g, '');
  if (plain === '') return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return Number.NaN;
  const [whole = '0', fraction = ''] = plain.replace('-', '').split('.');
  const sign = plain.startsWith('-') ? -1 : 1;
  if (fraction.length <= 2) return sign * (Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
  return sign * Number(plain) * 100;
};

/** One synonym per line or between commas; blanks dropped. */
export const synonymsOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');

const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text));

const shared = (values: TaxonomyFormValues) => ({
  names: { en: values.nameEn, hi: values.nameHi },
  unit: values.unit,
  priceRange: {
    minPaise: rupeesToPaise(values.minRupees),
    maxPaise: rupeesToPaise(values.maxRupees),
  },
  synonyms: synonymsOf(values.synonyms),
  sortOrder: numberOf(values.sortOrder),
  ...(values.reason.trim() ? { reason: values.reason } : {}),
});

/** The body of a create request (category or subcategory), for the contract schema to check. */
export const createBody = (values: TaxonomyFormValues, kind: 'category' | 'subcategory') => ({
  slug: values.slug.trim(),
  ...(kind === 'category' ? { description: values.description } : {}),
  ...shared(values),
});

const sameWords = (a: string[], b: string[]) => a.join('\n') === b.join('\n');

/**
 * The body of a PATCH: only what differs from the entry as loaded (names and price range go as
 * pairs, as the contract wants them), so an edit cannot overwrite someone else's change to
 * another field. Nothing changed gives a body the contract refuses with "nothing to change".
 */
export const changeBody = (entry: Entry, values: TaxonomyFormValues) => {
  const next = shared(values);
  const body: Record<string, unknown> = {};
  if (values.nameEn.trim() !== entry.names.en || values.nameHi.trim() !== entry.names.hi)
    body.names = next.names;
  if ('description' in entry && values.description.trim() !== entry.description)
    body.description = values.description;
  if (values.unit !== entry.unit) body.unit = values.unit;
  if (
    next.priceRange.minPaise !== entry.priceRange.minPaise ||
    next.priceRange.maxPaise !== entry.priceRange.maxPaise
  )
    body.priceRange = next.priceRange;
  if (!sameWords(next.synonyms, entry.synonyms)) body.synonyms = next.synonyms;
  if (next.sortOrder !== entry.sortOrder) body.sortOrder = next.sortOrder;
  if (values.isActive !== entry.isActive) body.isActive = values.isActive;
  if (next.reason) body.reason = next.reason;
  return body;
};

const FIELD_BY_PATH: Record<string, TaxonomyField> = {
  '': 'form',
  names: 'nameEn',
  'names.en': 'nameEn',
  'names.hi': 'nameHi',
  priceRange: 'minRupees',
  'priceRange.minPaise': 'minRupees',
  'priceRange.maxPaise': 'maxRupees',
};
const FIELDS = new Set<string>(Object.keys(formValuesOf()));

/**
 * Messages by request path (from the contract on the client, or the API's VALIDATION_ERROR) as
 * messages by form field; `synonyms.3` is the synonyms box, anything unknown is the form's.
 */
export const formErrorsOf = (byPath: Record<string, string>) => {
  const errors: Partial<Record<TaxonomyField, string>> = {};
  for (const [path, message] of Object.entries(byPath)) {
    const head = path.split('.')[0] ?? '';
    const field: TaxonomyField =
      FIELD_BY_PATH[path] ??
      (FIELDS.has(head) && head !== 'names' ? (head as TaxonomyField) : 'form');
    errors[field] ??= message;
  }
  return errors;
};
