import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope, ZErrorEnvelope } from './envelope';
import { ZNotificationSettings, ZNotificationSettingsChange } from './notifications';
import { bearer, json } from './openapi-helpers';

/**
 * An Indian mobile number in any common spelling (`98765 43210`, `+91-98765-43210`,
 * `098765 43210`), normalised to E.164 `+919876543210`. Mobile numbers start with 6–9.
 */
export const ZIndianMobile = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s()-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^(?:\+91|91|0)?[6-9]\d{9}$/, 'must be an Indian mobile number, e.g. +91 98765 43210'),
  )
  .transform((value) => `+91${value.slice(-10)}`)
  .meta({ description: 'Indian mobile number; returned as E.164 (+91XXXXXXXXXX)' });

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be a valid e-mail address').max(254));

/** Letters in any script (Hindi names too), spaces, dots, apostrophes and hyphens; 2–50. */
export const ZPersonName = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(50, 'must be at most 50 characters')
  .regex(
    /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u,
    'may contain letters, spaces, dots, apostrophes and hyphens',
  );

export const ZLanguage = z.enum(['en', 'hi']);
export const ZRole = z.enum(['customer', 'provider', 'admin']);
export const ZPincode = z.string().regex(/^[1-9]\d{5}$/, 'must be a 6-digit Indian pincode');

export const ZTimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-IN', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Kolkata');

export const ZLocation = z
  .strictObject({
    address: z.string().trim().min(3).max(200),
    city: z.string().trim().min(2).max(80),
    state: z.string().trim().min(2).max(80),
    pincode: ZPincode,
    coordinates: z
      .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .nullable(),
  })
  .meta({ id: 'Location' });

export type TLocation = z.infer<typeof ZLocation>;

export const ZUserProfile = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: ZRole,
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string().nullable(),
    avatar: z.object({ url: z.string(), thumbnailUrl: z.string() }).nullable(),
    language: ZLanguage,
    timeZone: z.string(),
    location: ZLocation.nullable(),
    isVerified: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'UserProfile' });

export type TUserProfile = z.infer<typeof ZUserProfile>;

/** `GET`/`PUT /api/users/profile`: the profile with what only its owner reads and changes there. */
export const ZOwnProfile = ZUserProfile.extend({
  notificationSettings: ZNotificationSettings,
}).meta({ id: 'OwnProfile' });

export type TOwnProfile = z.infer<typeof ZOwnProfile>;

/**
 * What a user may change about themselves. Strict: `role`, `isVerified`, `isActive`, `email` or
 * any other field is a 400, never silently ignored.
 */
export const ZUpdateProfileRequest = z
  .strictObject({
    firstName: ZPersonName.optional(),
    lastName: ZPersonName.optional(),
    phone: ZIndianMobile.nullable().optional(),
    language: ZLanguage.optional(),
    timeZone: ZTimeZone.optional(),
    location: ZLocation.nullable().optional(),
    notificationSettings: ZNotificationSettingsChange.optional(),
  })
  .meta({ id: 'UpdateProfileRequest' });

export type TUpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;

/** `POST /api/users/upload-avatar`: one image file in the multipart field `avatar`. */
export const ZAvatarUpload = z
  .object({
    avatar: z.file().describe('JPEG, PNG or WebP, at most 5 MB and 40 megapixels'),
  })
  .meta({ id: 'AvatarUpload' });

const errorResponse = (description: string) => ({ description, ...json(ZErrorEnvelope) });

export const usersPaths = {
  '/api/users/profile': {
    get: {
      summary: 'The signed-in user’s profile',
      tags: ['Users'],
      security: bearer,
      responses: {
        '200': { description: 'Profile', ...json(successEnvelope(ZOwnProfile)) },
        '401': { description: 'Not signed in', ...json(ZErrorEnvelope) },
      },
    },
    put: {
      summary: 'Change one’s own editable profile fields',
      tags: ['Users'],
      security: bearer,
      requestBody: json(ZUpdateProfileRequest),
      responses: {
        '200': { description: 'Updated profile', ...json(successEnvelope(ZOwnProfile)) },
        '400': { description: 'Invalid or forbidden field', ...json(ZErrorEnvelope) },
        '401': { description: 'Not signed in', ...json(ZErrorEnvelope) },
      },
    },
  },
  '/api/users/upload-avatar': {
    post: {
      summary: 'Upload a new avatar, replacing the current one',
      description:
        'The image is checked by its content (not its name or Content-Type), re-encoded to WebP at 512×512 and 128×128 with its metadata removed, and counts against the upload quota.',
      tags: ['Users'],
      security: bearer,
      requestBody: {
        required: true,
        content: { 'multipart/form-data': { schema: ZAvatarUpload } },
      },
      responses: {
        '200': { description: 'Updated profile', ...json(successEnvelope(ZUserProfile)) },
        '400': errorResponse('No file, another field, or a damaged image'),
        '401': errorResponse('Not signed in'),
        '413': errorResponse('File over 5 MB, image over 40 megapixels, or upload quota exceeded'),
        '415': errorResponse('Not a JPEG, PNG or WebP image'),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
