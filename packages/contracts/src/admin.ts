import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { ZBooking, ZBookingStatus } from './bookings';
import { ZMessagePage } from './messages';
import { ZLedgerTransactionKind } from './payments';
import { successEnvelope } from './envelope';
import { bearer, error, json, ok } from './openapi-helpers';
import { ZAnalyticsGranularity } from './provider-analytics';
import { ZProviderDocument } from './providers';
import { ZLocalizedNames, ZServiceCategory, ZServiceUnit, ZTaxonomySlug } from './taxonomy';
import { ZRole } from './users';

export const MAX_ADMIN_PAGE_SIZE = 100;
/** Platform analytics and the commission report: at most two years and a leap day. */
export const MAX_ADMIN_REPORT_DAYS = 731;

// ---- shared pieces ----

const ZDate = z.iso.date('must be a date, YYYY-MM-DD');
const ZInstant = z.iso.datetime({ offset: true });
const ZFlag = z.enum(['true', 'false']).transform((value) => value === 'true');
const ZOrder = z.enum(['asc', 'desc']).default('desc');

const pageFields = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Above the maximum is clamped, not refused. */
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((limit) => Math.min(limit, MAX_ADMIN_PAGE_SIZE))
    .default(20),
};

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** `from` ≤ `to` when both are given. */
const orderedDates =
  (fromKey: string, toKey: string, maxDays?: number) =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const from = value[fromKey];
    const to = value[toKey];
    if (typeof from !== 'string' || typeof to !== 'string') return;
    if (from > to)
      ctx.addIssue({ code: 'custom', path: [fromKey], message: `must not be after ${toKey}` });
    else if (maxDays && daysBetween(from, to) + 1 > maxDays)
      ctx.addIssue({
        code: 'custom',
        path: [toKey],
        message: `the range must be at most ${maxDays} days`,
      });
  };

/** Plain text an admin writes: trimmed, no control characters. */
const ZPlainText = (min: number, max: number) =>
  z
    .string()
    .transform((text) => text.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`)
        .refine((text) => !/[\p{Cc}\p{Cf}]/u.test(text.replace(/[\n\t\r]/g, '')), {
          message: 'must be plain text without control characters',
        }),
    );

/** Why the admin did it; kept in the audit log (and shown to the user where it concerns them). */
export const ZAdminReason = ZPlainText(3, 500).meta({ description: 'Why; kept in the audit log' });

export const ZReasonRequest = z.strictObject({ reason: ZAdminReason }).meta({ id: 'AdminReason' });
export type TReasonRequest = z.infer<typeof ZReasonRequest>;
export const ZOptionalReasonRequest = z.strictObject({ reason: ZAdminReason.optional() });
export type TOptionalReasonRequest = z.infer<typeof ZOptionalReasonRequest>;

export const ZIdParams = z.object({ id: z.uuid() });

// ---- users ----

export const ZAdminUsersQuery = z
  .strictObject({
    ...pageFields,
    q: z.string().trim().min(1).max(100).optional().meta({
      description: 'Part of the e-mail, first or last name',
    }),
    role: ZRole.optional(),
    active: ZFlag.optional(),
    verified: ZFlag.optional(),
    createdFrom: ZDate.optional(),
    createdTo: ZDate.optional(),
    sort: z.enum(['createdAt', 'email', 'name']).default('createdAt'),
    order: ZOrder,
  })
  .superRefine(orderedDates('createdFrom', 'createdTo'));
export type TAdminUsersQuery = z.infer<typeof ZAdminUsersQuery>;

export const ZAdminUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: ZRole,
    firstName: z.string(),
    lastName: z.string(),
    city: z.string().nullable(),
    isActive: z.boolean(),
    isVerified: z.boolean(),
    providerId: z.uuid().nullable(),
    createdAt: ZInstant,
  })
  .meta({ id: 'AdminUser' });
export type TAdminUser = z.infer<typeof ZAdminUser>;

export const ZAdminUserDetail = ZAdminUser.extend({
  phone: z.string().nullable(),
  language: z.string(),
  timeZone: z.string(),
  location: z
    .object({ address: z.string(), city: z.string(), state: z.string(), pincode: z.string() })
    .nullable(),
  provider: z
    .object({
      id: z.uuid(),
      businessName: z.string(),
      isVerified: z.boolean(),
      isActive: z.boolean(),
    })
    .nullable(),
}).meta({ id: 'AdminUserDetail' });
export type TAdminUserDetail = z.infer<typeof ZAdminUserDetail>;

export const ZChangeRoleRequest = z
  .strictObject({ role: ZRole, reason: ZAdminReason })
  .meta({ id: 'ChangeRoleRequest' });
export type TChangeRoleRequest = z.infer<typeof ZChangeRoleRequest>;

// ---- provider verification ----

export const ZVerificationQueueQuery = z.strictObject({
  ...pageFields,
  order: z.enum(['asc', 'desc']).default('asc').meta({ description: 'By oldest pending upload' }),
});
export type TVerificationQueueQuery = z.infer<typeof ZVerificationQueueQuery>;

export const ZVerificationQueueItem = z
  .object({
    providerId: z.uuid(),
    userId: z.uuid(),
    businessName: z.string(),
    ownerName: z.string(),
    email: z.string(),
    isVerified: z.boolean(),
    isActive: z.boolean(),
    pendingDocuments: z.number().int(),
    oldestPendingAt: ZInstant,
  })
  .meta({ id: 'VerificationQueueItem' });
export type TVerificationQueueItem = z.infer<typeof ZVerificationQueueItem>;

export const ZAdminProviderDocument = ZProviderDocument.extend({
  reviewedBy: z.uuid().nullable(),
}).meta({ id: 'AdminProviderDocument' });
export type TAdminProviderDocument = z.infer<typeof ZAdminProviderDocument>;

export const ZAdminProvider = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    businessName: z.string(),
    description: z.string(),
    isVerified: z.boolean(),
    isActive: z.boolean(),
    rating: z.object({ average: z.number(), count: z.number().int() }),
    owner: z.object({
      email: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      isActive: z.boolean(),
    }),
    documents: z.array(ZAdminProviderDocument),
    createdAt: ZInstant,
  })
  .meta({ id: 'AdminProvider' });
export type TAdminProvider = z.infer<typeof ZAdminProvider>;

// ---- bookings ----

export const ZAdminBookingsQuery = z
  .strictObject({
    ...pageFields,
    status: ZBookingStatus.optional(),
    from: ZDate.optional().meta({ description: 'Starting on or after this date (booking’s zone)' }),
    to: ZDate.optional().meta({ description: 'Starting on or before this date' }),
    city: z.string().trim().min(2).max(60).optional().meta({
      description: 'City of the provider’s service area the booking is in',
    }),
    providerId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    sort: z.enum(['createdAt', 'startsAt', 'total']).default('createdAt'),
    order: ZOrder,
  })
  .superRefine(orderedDates('from', 'to'));
export type TAdminBookingsQuery = z.infer<typeof ZAdminBookingsQuery>;

export const ZBookingHistoryEntry = z.object({
  fromStatus: ZBookingStatus.nullable(),
  toStatus: ZBookingStatus,
  actorRole: ZRole,
  reason: z.string().nullable(),
  createdAt: ZInstant,
});

export const ZAdminBookingDetail = z
  .object({
    booking: ZBooking,
    history: z.array(ZBookingHistoryEntry),
    messages: ZMessagePage.meta({
      description:
        'The chat between its parties, newest first; older pages from `GET /api/messages/{bookingId}?before=`',
    }),
  })
  .meta({ id: 'AdminBookingDetail' });
export type TAdminBookingDetail = z.infer<typeof ZAdminBookingDetail>;

export const ZForceCancelResult = z
  .object({
    booking: ZBooking,
    refundedPaise: z.number().int().meta({
      description: 'Everything the booking held, back to how it was paid: admins cancel free',
    }),
  })
  .meta({ id: 'ForceCancelResult' });
export type TForceCancelResult = z.infer<typeof ZForceCancelResult>;

// ---- payments ----

const ZAccountKind = z.enum([
  'user_wallet',
  'provider_earnings',
  'provider_cash',
  'booking_escrow',
  'platform_commission',
  'gateway_clearing',
]);
const ZTransactionKind = ZLedgerTransactionKind;

export const ZLedgerAccountsQuery = z.strictObject({
  ...pageFields,
  kind: ZAccountKind.optional(),
  ownerId: z.uuid().optional(),
  sort: z.enum(['balance', 'createdAt']).default('createdAt'),
  order: ZOrder,
});
export type TLedgerAccountsQuery = z.infer<typeof ZLedgerAccountsQuery>;

export const ZLedgerAccount = z
  .object({
    id: z.uuid(),
    kind: ZAccountKind,
    ownerId: z.uuid().nullable(),
    currency: z.string(),
    balancePaise: z.number().int(),
    createdAt: ZInstant,
  })
  .meta({ id: 'LedgerAccount' });
export type TLedgerAccount = z.infer<typeof ZLedgerAccount>;

export const ZLedgerEntriesQuery = z
  .strictObject({
    ...pageFields,
    accountId: z.uuid().optional(),
    kind: ZTransactionKind.optional(),
    bookingId: z.uuid().optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
  })
  .superRefine(orderedDates('from', 'to'));
export type TLedgerEntriesQuery = z.infer<typeof ZLedgerEntriesQuery>;

export const ZLedgerEntry = z
  .object({
    id: z.uuid(),
    transactionId: z.uuid(),
    transactionKind: ZTransactionKind,
    reference: z.string(),
    bookingId: z.uuid().nullable(),
    description: z.string(),
    accountId: z.uuid(),
    accountKind: ZAccountKind,
    ownerId: z.uuid().nullable(),
    amountPaise: z.number().int(),
    currency: z.string(),
    createdAt: ZInstant,
  })
  .meta({ id: 'LedgerEntry' });
export type TLedgerEntry = z.infer<typeof ZLedgerEntry>;

export const ZRefundsQuery = z
  .strictObject({
    ...pageFields,
    bookingId: z.uuid().optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
  })
  .superRefine(orderedDates('from', 'to'));
export type TRefundsQuery = z.infer<typeof ZRefundsQuery>;

export const ZRefund = z
  .object({
    transactionId: z.uuid(),
    bookingId: z.uuid().nullable(),
    amountPaise: z.number().int(),
    legs: z.array(
      z.object({
        accountKind: ZAccountKind,
        ownerId: z.uuid().nullable(),
        amountPaise: z.number().int(),
      }),
    ),
    /**
     * The online part, as the gateway has it: sent after the refund commits, retried while the
     * gateway fails. Null when nothing went back online.
     */
    gatewayRefund: z
      .object({
        status: z.enum(['pending', 'sent', 'failed']),
        attempts: z.number().int(),
        gatewayRefundId: z.string().nullable(),
        lastError: z.string().nullable(),
      })
      .nullable(),
    createdAt: ZInstant,
  })
  .meta({ id: 'Refund' });
export type TRefund = z.infer<typeof ZRefund>;

export const ZPayoutsOwedQuery = z.strictObject({ ...pageFields });
export type TPayoutsOwedQuery = z.infer<typeof ZPayoutsOwedQuery>;

export const ZPayoutOwed = z
  .object({
    providerId: z.uuid(),
    businessName: z.string(),
    email: z.string(),
    earningsPaise: z.number().int().meta({ description: 'Earnings the platform holds for it' }),
    cashHeldPaise: z.number().int().meta({
      description: 'Cash it collected for bookings, which it keeps out of its earnings',
    }),
    owedPaise: z.number().int().meta({ description: 'earnings − cash held: what a payout pays' }),
  })
  .meta({ id: 'PayoutOwed' });
export type TPayoutOwed = z.infer<typeof ZPayoutOwed>;

export const ZPayoutRequest = z
  .strictObject({
    amountPaise: z.number().int().positive().meta({
      description: 'Must equal what the provider is owed now (guards against a stale screen)',
    }),
    bankReference: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9-]{6,40}$/,
        'must be the bank transfer reference (UTR), 6–40 letters or digits',
      ),
    reason: ZAdminReason.optional(),
  })
  .meta({ id: 'PayoutRequest' });
export type TPayoutRequest = z.infer<typeof ZPayoutRequest>;

export const ZPayoutsQuery = z
  .strictObject({
    ...pageFields,
    providerId: z.uuid().optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
  })
  .superRefine(orderedDates('from', 'to'));
export type TPayoutsQuery = z.infer<typeof ZPayoutsQuery>;

export const ZPayout = z
  .object({
    transactionId: z.uuid(),
    providerId: z.uuid(),
    businessName: z.string(),
    amountPaise: z.number().int(),
    bankReference: z.string(),
    createdAt: ZInstant,
  })
  .meta({ id: 'Payout' });
export type TPayout = z.infer<typeof ZPayout>;

export const ZPayoutsExportQuery = z
  .strictObject({
    kind: z.enum(['owed', 'paid']).default('owed'),
    from: ZDate.optional(),
    to: ZDate.optional(),
  })
  .superRefine(orderedDates('from', 'to'));
export type TPayoutsExportQuery = z.infer<typeof ZPayoutsExportQuery>;

export const ZReportQuery = z
  .strictObject({
    from: ZDate.optional(),
    to: ZDate.optional(),
    granularity: ZAnalyticsGranularity.default('day'),
  })
  .superRefine(orderedDates('from', 'to', MAX_ADMIN_REPORT_DAYS));
export type TReportQuery = z.infer<typeof ZReportQuery>;

const ZCommissionFigures = z.object({
  settledBookings: z.number().int(),
  settledPaise: z.number().int().meta({ description: 'What settled bookings held' }),
  commissionPaise: z.number().int(),
  providerEarningsPaise: z.number().int(),
  refundedPaise: z.number().int(),
});

export const ZCommissionReport = z
  .object({
    from: ZDate,
    to: ZDate,
    granularity: ZAnalyticsGranularity,
    timeZone: z.string(),
    periods: z.array(ZCommissionFigures.extend({ start: ZDate })),
    totals: ZCommissionFigures,
  })
  .meta({ id: 'CommissionReport' });
export type TCommissionReport = z.infer<typeof ZCommissionReport>;

// ---- reviews ----

export const ZAdminReviewsQuery = z.strictObject({
  ...pageFields,
  providerId: z.uuid().optional(),
  hidden: ZFlag.optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  order: ZOrder,
});
export type TAdminReviewsQuery = z.infer<typeof ZAdminReviewsQuery>;

export const ZAdminReview = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    providerId: z.uuid(),
    customerId: z.uuid(),
    rating: z.number().int(),
    comment: z.string(),
    reply: z.string().nullable(),
    isHidden: z.boolean(),
    hiddenReason: z.string().nullable(),
    createdAt: ZInstant,
  })
  .meta({ id: 'AdminReview' });
export type TAdminReview = z.infer<typeof ZAdminReview>;

export const ZModeratedReview = z
  .object({
    review: ZAdminReview,
    providerRating: z.object({ average: z.number(), count: z.number().int() }),
  })
  .meta({ id: 'ModeratedReview' });
export type TModeratedReview = z.infer<typeof ZModeratedReview>;

// ---- taxonomy ----

const ZName = ZPlainText(2, 80);
const ZSynonyms = z
  .array(ZPlainText(1, 60))
  .max(60)
  .refine((words) => new Set(words.map((w) => w.toLowerCase())).size === words.length, {
    message: 'must not repeat a word',
  });
const ZPaise = z.number().int('must be whole paise').min(0).max(100_000_000);
const ZPriceRangeInput = z
  .strictObject({ minPaise: ZPaise, maxPaise: ZPaise })
  .refine((range) => range.minPaise <= range.maxPaise, {
    message: 'minPaise must not exceed maxPaise',
    path: ['minPaise'],
  });
const ZSortOrder = z.number().int().min(0).max(10_000);

const taxonomyFields = {
  names: z.strictObject({ en: ZName, hi: ZName }),
  unit: ZServiceUnit,
  priceRange: ZPriceRangeInput,
  synonyms: ZSynonyms.default([]),
  sortOrder: ZSortOrder.default(0),
};

export const ZCreateCategoryRequest = z
  .strictObject({
    slug: ZTaxonomySlug.max(48),
    description: ZPlainText(0, 500).default(''),
    ...taxonomyFields,
    reason: ZAdminReason.optional(),
  })
  .meta({ id: 'CreateCategoryRequest' });
export type TCreateCategoryRequest = z.infer<typeof ZCreateCategoryRequest>;

export const ZCreateSubcategoryRequest = z
  .strictObject({ slug: ZTaxonomySlug, ...taxonomyFields, reason: ZAdminReason.optional() })
  .meta({ id: 'CreateSubcategoryRequest' });
export type TCreateSubcategoryRequest = z.infer<typeof ZCreateSubcategoryRequest>;

const nonEmptyChange = (body: Record<string, unknown>) =>
  Object.keys(body).some((key) => key !== 'reason');

export const ZUpdateCategoryRequest = z
  .strictObject({
    names: z.strictObject({ en: ZName, hi: ZName }).optional(),
    description: ZPlainText(0, 500).optional(),
    unit: ZServiceUnit.optional(),
    priceRange: ZPriceRangeInput.optional(),
    synonyms: ZSynonyms.optional(),
    sortOrder: ZSortOrder.optional(),
    isActive: z.boolean().optional().meta({ description: 'false deactivates; true restores' }),
    reason: ZAdminReason.optional(),
  })
  .refine(nonEmptyChange, { message: 'nothing to change' })
  .meta({ id: 'UpdateCategoryRequest' });
export type TUpdateCategoryRequest = z.infer<typeof ZUpdateCategoryRequest>;

export const ZUpdateSubcategoryRequest = z
  .strictObject({
    names: z.strictObject({ en: ZName, hi: ZName }).optional(),
    unit: ZServiceUnit.optional(),
    priceRange: ZPriceRangeInput.optional(),
    synonyms: ZSynonyms.optional(),
    sortOrder: ZSortOrder.optional(),
    isActive: z.boolean().optional(),
    reason: ZAdminReason.optional(),
  })
  .refine(nonEmptyChange, { message: 'nothing to change' })
  .meta({ id: 'UpdateSubcategoryRequest' });
export type TUpdateSubcategoryRequest = z.infer<typeof ZUpdateSubcategoryRequest>;

export const ZAdminSubcategory = z.object({
  slug: z.string(),
  names: ZLocalizedNames,
  unit: ZServiceUnit,
  priceRange: z.object({ minPaise: z.number().int(), maxPaise: z.number().int() }),
  synonyms: z.array(z.string()),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
});
export const ZAdminCategory = ZServiceCategory.omit({ subcategories: true, priceRange: true })
  .extend({
    priceRange: z.object({ minPaise: z.number().int(), maxPaise: z.number().int() }),
    sortOrder: z.number().int(),
    isActive: z.boolean(),
    subcategories: z.array(ZAdminSubcategory),
  })
  .meta({ id: 'AdminCategory' });
export type TAdminCategory = z.infer<typeof ZAdminCategory>;
export type TAdminSubcategory = z.infer<typeof ZAdminSubcategory>;

export const ZTaxonomyParams = z.object({ slug: ZTaxonomySlug });
export const ZSubcategoryParams = z.object({ slug: ZTaxonomySlug, subSlug: ZTaxonomySlug });

// ---- platform analytics ----

export const ZPlatformPeriod = z.object({
  start: ZDate,
  signups: z.object({ customers: z.number().int(), providers: z.number().int() }),
  activeProviders: z.number().int().meta({
    description: 'Providers with a booking (not cancelled) starting in the period',
  }),
  bookings: z.object({
    placed: z.number().int(),
    completed: z.number().int(),
    cancelled: z.number().int(),
  }),
  gmvPaise: z.number().int().meta({ description: 'Totals of bookings completed in the period' }),
  cancellationRate: z.number().min(0).max(1).nullable(),
});

const ZRanked = z.object({ bookings: z.number().int(), gmvPaise: z.number().int() });

export const ZPlatformAnalytics = z
  .object({
    from: ZDate,
    to: ZDate,
    granularity: ZAnalyticsGranularity,
    timeZone: z.string(),
    periods: z.array(ZPlatformPeriod),
    totals: ZPlatformPeriod.omit({ start: true }),
    topCategories: z.array(ZRanked.extend({ categorySlug: z.string() })),
    topCities: z.array(ZRanked.extend({ city: z.string() })),
    searchesWithoutResults: z.array(z.object({ query: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'PlatformAnalytics' });
export type TPlatformAnalytics = z.infer<typeof ZPlatformAnalytics>;

// ---- audit log ----

export const ZAuditLogQuery = z
  .strictObject({
    ...pageFields,
    actorId: z.uuid().optional(),
    action: z
      .string()
      .regex(/^[a-z_.]{2,64}$/, 'must be an action such as user.suspend')
      .optional(),
    targetType: z
      .string()
      .regex(/^[a-z_]{2,32}$/)
      .optional(),
    targetId: z.string().min(1).max(200).optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
  })
  .superRefine(orderedDates('from', 'to'));
export type TAuditLogQuery = z.infer<typeof ZAuditLogQuery>;

export const ZAuditEntry = z
  .object({
    id: z.uuid(),
    actorId: z.uuid().nullable(),
    actorEmail: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    createdAt: ZInstant,
  })
  .meta({ id: 'AuditEntry' });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

// ---- OpenAPI ----

const tags = ['Admin'];
const list = (description: string, schema: z.ZodType) => ({
  description: `${description}; \`meta\` has page, limit, total, hasNext`,
  ...json(successEnvelope(z.array(schema))),
});

/** Every admin operation: bearer token of an admin; the shared refusals. */
const op = ({
  summary,
  description,
  params,
  query,
  body,
  response,
  created = false,
  extra = {},
}: {
  summary: string;
  created?: boolean;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response: ReturnType<typeof ok> | ReturnType<typeof list> | Record<string, unknown>;
  extra?: Record<string, ReturnType<typeof error>>;
}): ZodOpenApiOperationObject => ({
  summary,
  ...(description ? { description } : {}),
  tags,
  security: bearer,
  ...(params || query
    ? {
        requestParams: {
          ...(params ? { path: params } : {}),
          ...(query ? { query: query as z.ZodObject } : {}),
        },
      }
    : {}),
  ...(body ? { requestBody: json(body) } : {}),
  responses: {
    [created ? '201' : '200']: response,
    '400': error('Invalid input (per-field details); nothing changed'),
    '401': error('Not signed in'),
    '403': error('Not an admin'),
    ...(params ? { '404': error('Not found') } : {}),
    ...extra,
  },
});

const conflict = { '409': error('Not allowed in the current state (see message)') };
const ZProviderStatus = z.object({ id: z.uuid(), isVerified: z.boolean(), isActive: z.boolean() });

export const adminPaths = {
  '/api/admin/users': {
    get: op({
      summary: 'Search users',
      query: ZAdminUsersQuery,
      response: list('Users', ZAdminUser),
    }),
  },
  '/api/admin/users/{id}': {
    get: op({ summary: 'A user', params: ZIdParams, response: ok('The user', ZAdminUserDetail) }),
  },
  '/api/admin/users/{id}/suspend': {
    post: op({
      summary: 'Suspend a user',
      description:
        'Deactivates the account, ends its sessions (its access tokens stop working at once) and takes its provider out of search.',
      params: ZIdParams,
      body: ZReasonRequest,
      response: ok('The user', ZAdminUserDetail),
      extra: conflict,
    }),
  },
  '/api/admin/users/{id}/reactivate': {
    post: op({
      summary: 'Reactivate a user',
      params: ZIdParams,
      body: ZReasonRequest,
      response: ok('The user', ZAdminUserDetail),
      extra: conflict,
    }),
  },
  '/api/admin/users/{id}/role': {
    put: op({
      summary: 'Change a user’s role',
      description:
        'Not your own role, never the last active admin’s; `provider` only for users with a provider profile, and a provider keeps its role (suspend it instead).',
      params: ZIdParams,
      body: ZChangeRoleRequest,
      response: ok('The user', ZAdminUserDetail),
      extra: conflict,
    }),
  },
  '/api/admin/providers/verification-queue': {
    get: op({
      summary: 'Providers with documents awaiting review',
      query: ZVerificationQueueQuery,
      response: list('Providers, oldest pending upload first', ZVerificationQueueItem),
    }),
  },
  '/api/admin/providers/{id}': {
    get: op({
      summary: 'A provider with its documents',
      description: 'Each document’s `fileUrl` downloads it (admins may read every document).',
      params: ZIdParams,
      response: ok('The provider', ZAdminProvider),
    }),
  },
  '/api/admin/providers/{id}/verify': {
    post: op({
      summary: 'Mark a provider verified',
      description: 'Needs at least one approved document. Search shows the badge at once.',
      params: ZIdParams,
      body: ZReasonRequest,
      response: ok('The provider', ZProviderStatus),
      extra: conflict,
    }),
  },
  '/api/admin/providers/{id}/unverify': {
    post: op({
      summary: 'Withdraw a provider’s verification',
      params: ZIdParams,
      body: ZReasonRequest,
      response: ok('The provider', ZProviderStatus),
      extra: conflict,
    }),
  },
  '/api/admin/provider-documents/{id}/approve': {
    post: op({
      summary: 'Approve a verification document',
      params: ZIdParams,
      body: ZOptionalReasonRequest,
      response: ok('The document', ZAdminProviderDocument),
      extra: conflict,
    }),
  },
  '/api/admin/provider-documents/{id}/reject': {
    post: op({
      summary: 'Reject a verification document',
      description: 'The reason is shown to the provider.',
      params: ZIdParams,
      body: ZReasonRequest,
      response: ok('The document', ZAdminProviderDocument),
      extra: conflict,
    }),
  },
  '/api/admin/bookings': {
    get: op({
      summary: 'Search bookings',
      query: ZAdminBookingsQuery,
      response: list('Bookings', ZBooking),
    }),
  },
  '/api/admin/bookings/{id}': {
    get: op({
      summary: 'A booking with its status history and chat (disputes)',
      params: ZIdParams,
      response: ok('The booking', ZAdminBookingDetail),
    }),
  },
  '/api/admin/bookings/{id}/cancel': {
    post: op({
      summary: 'Force-cancel a booking with a full refund',
      description:
        'As an admin: no cancellation fee, so everything the booking holds goes back to how it was paid (wallet at once, online through the gateway). Pending or confirmed bookings only.',
      params: ZIdParams,
      body: ZReasonRequest,
      response: ok('The cancelled booking and the refund', ZForceCancelResult),
      extra: conflict,
    }),
  },
  '/api/admin/ledger/accounts': {
    get: op({
      summary: 'Ledger accounts',
      query: ZLedgerAccountsQuery,
      response: list('Accounts', ZLedgerAccount),
    }),
  },
  '/api/admin/ledger/entries': {
    get: op({
      summary: 'Ledger entries',
      query: ZLedgerEntriesQuery,
      response: list('Entries, newest first', ZLedgerEntry),
    }),
  },
  '/api/admin/payments/refunds': {
    get: op({
      summary: 'Refunds',
      description: 'Refund transactions (a booking’s payment returned), with where the money went.',
      query: ZRefundsQuery,
      response: list('Refunds, newest first', ZRefund),
    }),
  },
  '/api/admin/payouts/owed': {
    get: op({
      summary: 'What providers are owed',
      query: ZPayoutsOwedQuery,
      response: list('Providers owed money, most first', ZPayoutOwed),
    }),
  },
  '/api/admin/payouts': {
    get: op({
      summary: 'Payouts made',
      query: ZPayoutsQuery,
      response: list('Payouts, newest first', ZPayout),
    }),
  },
  '/api/admin/payouts/export': {
    get: {
      summary: 'Payouts as CSV',
      description: '`kind=owed` (for the bank batch) or `kind=paid` (payouts made in the range).',
      tags,
      security: bearer,
      requestParams: { query: ZPayoutsExportQuery },
      responses: {
        '200': { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        '400': error('Invalid input'),
        '401': error('Not signed in'),
        '403': error('Not an admin'),
      },
    },
  },
  '/api/admin/providers/{id}/payouts': {
    post: op({
      summary: 'Record a payout to a provider',
      description:
        'A ledger movement: the provider’s earnings (less the cash it holds) leave the platform. The amount must equal what is owed now; the same bank reference twice records one payout.',
      params: ZIdParams,
      body: ZPayoutRequest,
      response: ok('The payout', ZPayout),
      extra: conflict,
    }),
  },
  '/api/admin/reports/commission': {
    get: op({
      summary: 'Commission per period',
      query: ZReportQuery,
      response: ok('The report', ZCommissionReport),
    }),
  },
  '/api/admin/reviews': {
    get: op({
      summary: 'Reviews, hidden ones included',
      query: ZAdminReviewsQuery,
      response: list('Reviews', ZAdminReview),
    }),
  },
  '/api/admin/reviews/{id}/hide': {
    post: op({
      summary: 'Hide a review',
      description: 'The provider’s rating is recomputed in the same transaction.',
      params: ZIdParams,
      body: ZReasonRequest,
      response: ok('The review and the new rating', ZModeratedReview),
      extra: conflict,
    }),
  },
  '/api/admin/reviews/{id}/unhide': {
    post: op({
      summary: 'Show a hidden review again',
      params: ZIdParams,
      body: ZReasonRequest,
      response: ok('The review and the new rating', ZModeratedReview),
      extra: conflict,
    }),
  },
  '/api/admin/taxonomy': {
    get: op({
      summary: 'The whole taxonomy, inactive entries included',
      response: ok('Categories', z.array(ZAdminCategory)),
    }),
  },
  '/api/admin/taxonomy/categories': {
    post: op({
      summary: 'Add a category',
      body: ZCreateCategoryRequest,
      created: true,
      response: ok('The category', ZAdminCategory),
      extra: { '409': error('The slug is taken') },
    }),
  },
  '/api/admin/taxonomy/categories/{slug}': {
    patch: op({
      summary: 'Change or (de)activate a category',
      params: ZTaxonomyParams,
      body: ZUpdateCategoryRequest,
      response: ok('The category', ZAdminCategory),
    }),
  },
  '/api/admin/taxonomy/categories/{slug}/subcategories': {
    post: op({
      summary: 'Add a subcategory',
      params: ZTaxonomyParams,
      body: ZCreateSubcategoryRequest,
      created: true,
      response: ok('The category', ZAdminCategory),
      extra: { '409': error('The slug is taken in this category') },
    }),
  },
  '/api/admin/taxonomy/categories/{slug}/subcategories/{subSlug}': {
    patch: op({
      summary: 'Change or (de)activate a subcategory',
      params: ZSubcategoryParams,
      body: ZUpdateSubcategoryRequest,
      response: ok('The category', ZAdminCategory),
    }),
  },
  '/api/admin/analytics': {
    get: op({
      summary: 'Platform analytics',
      description:
        'Calendar days in Asia/Kolkata (default the last 30, at most 731): signups, active providers, bookings placed, completed and cancelled, GMV, cancellation rate; top categories and cities; searches that found nothing.',
      query: ZReportQuery,
      response: ok('The figures', ZPlatformAnalytics),
    }),
  },
  '/api/admin/audit-log': {
    get: op({
      summary: 'The admin audit log',
      query: ZAuditLogQuery,
      response: list('Entries, newest first', ZAuditEntry),
    }),
  },
} satisfies ZodOpenApiPathsObject;
