import { en as coreEn, type CoreStrings } from './en';
import { hi as coreHi } from './hi';
import * as dashboard from '../features/dashboard/i18n';
import * as verification from '../features/verification/i18n';
import * as auditLog from '../features/audit-log/i18n';
import * as payments from '../features/payments/i18n';
import * as reviews from '../features/reviews/i18n';
import * as taxonomy from '../features/taxonomy/i18n';
import * as users from '../features/users/i18n';
import * as bookings from '../features/bookings/i18n';

/**
 * Every area's strings under its own key (`t('verification.title')`). A new area adds its
 * `features/<area>/i18n.ts` here, one line per language object.
 */
export const en = {
  ...coreEn,
  dashboard: dashboard.en,
  verification: verification.en,
  auditLog: auditLog.en,
  payments: payments.en,
  reviews: reviews.en,
  taxonomy: taxonomy.en,
  users: users.en,
  bookings: bookings.en,
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

// Typed against the English shape: a missing Hindi key fails the typecheck.
export const hi: Strings<typeof en> = {
  ...(coreHi satisfies CoreStrings),
  dashboard: dashboard.hi,
  verification: verification.hi,
  auditLog: auditLog.hi,
  payments: payments.hi,
  reviews: reviews.hi,
  taxonomy: taxonomy.hi,
  users: users.hi,
  bookings: bookings.hi,
};
