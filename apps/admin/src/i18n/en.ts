/** English strings of the panel itself; each area's own strings are in `features/<area>/i18n.ts`. */
export const en = {
  common: {
    loading: 'Loading…',
    errorTitle: 'Something went wrong',
    errorBody: 'Please check your connection and try again.',
    retry: 'Try again',
    cancel: 'Cancel',
    close: 'Close',
    yes: 'Yes',
    no: 'No',
    none: '—',
    apply: 'Apply',
    reset: 'Reset',
  },
  period: {
    granularity: 'Group by',
    day: 'Day',
    week: 'Week',
    month: 'Month',
    from: 'From',
    to: 'To',
  },
  shell: {
    title: 'LocalKart admin',
    skip: 'Skip to content',
    areas: 'Admin areas',
    language: 'Language',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {{name}}',
  },
  auth: {
    title: 'Admin sign-in',
    subtitle: 'For LocalKart staff with an admin account.',
    email: 'E-mail',
    password: 'Password',
    signIn: 'Sign in',
    adminOnly:
      'This panel is for admin accounts only. You have been signed out here; use the LocalKart app for customer and provider accounts.',
    failed: 'Could not sign in.',
  },
  table: {
    filters: 'Filters',
    results_one: '{{count}} result',
    results_other: '{{count}} results',
    pageOf: 'Page {{page}} of {{pages}}',
    previous: 'Previous page',
    next: 'Next page',
    pagination: 'Pages',
    sortBy: 'Sort by {{column}}',
    open: 'Open',
    empty: 'Nothing matches these filters.',
  },
  confirm: {
    reason: 'Reason',
    reasonOptional: 'Reason (optional)',
    reasonHint: 'Kept in the audit log. At least 3 characters.',
    reasonTooShort: 'Write a reason of at least 3 characters.',
  },
  notFound: { title: 'There is no such page in the admin panel', home: 'Go to the dashboard' },
};

/** The shape every language must match: same keys, any text. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type CoreStrings = Strings<typeof en>;
