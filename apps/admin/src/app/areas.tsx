import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ParseKeys } from 'i18next';

export type Area = {
  /** Under /admin; '' is the dashboard. */
  path: string;
  /** The nav entry's label (and the page's name). */
  label: ParseKeys;
  /** A one-or-two-character mark beside the label. */
  icon: string;
  page: LazyExoticComponent<ComponentType>;
};

/**
 * The admin areas, in nav order: each is one line here. A new area is a folder
 * `features/<area>/` with its page (default export), its endpoints (`api.injectEndpoints`) and its
 * strings (`i18n.ts`, added to `i18n/resources.ts`), plus its line below.
 */
export const areas: Area[] = [
  {
    path: '',
    label: 'dashboard.nav',
    icon: '▦',
    page: lazy(() => import('../features/dashboard/dashboard-page')),
  },
  {
    path: 'verification',
    label: 'verification.nav',
    icon: '✓',
    page: lazy(() => import('../features/verification/verification-page')),
  },
  {
    path: 'users',
    label: 'users.nav',
    icon: '◉',
    page: lazy(() => import('../features/users/users-page')),
  },
  {
    path: 'bookings',
    label: 'bookings.nav',
    icon: '◷',
    page: lazy(() => import('../features/bookings/bookings-page')),
  },
  {
    path: 'payments',
    label: 'payments.nav',
    icon: '₹',
    page: lazy(() => import('../features/payments/payments-page')),
  },
  {
    path: 'reviews',
    label: 'reviews.nav',
    icon: '★',
    page: lazy(() => import('../features/reviews/reviews-page')),
  },
  {
    path: 'taxonomy',
    label: 'taxonomy.nav',
    icon: '▤',
    page: lazy(() => import('../features/taxonomy/taxonomy-page')),
  },
  {
    path: 'audit-log',
    label: 'auditLog.nav',
    icon: '≡',
    page: lazy(() => import('../features/audit-log/audit-log-page')),
  },
];
