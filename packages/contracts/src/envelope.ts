import { z } from 'zod';
import { ZErrorCode } from './errors';

/** ERD §5.2 `meta` for paginated lists. */
export const ZPageMeta = z
  .object({
    page: z.number().int().min(1),
    limit: z.number().int().min(1),
    total: z.number().int().min(0),
    hasNext: z.boolean(),
  })
  .meta({ id: 'PageMeta' });

export type TPageMeta = z.infer<typeof ZPageMeta>;

export const ZErrorEnvelope = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: ZErrorCode,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });

export type TErrorEnvelope = z.infer<typeof ZErrorEnvelope>;

/** The success side of the ERD §5.2 envelope around a payload schema. */
export const successEnvelope = <T extends z.ZodType>(data: T) =>
  z.object({
    success: z.literal(true),
    data,
    meta: ZPageMeta.partial().optional(),
  });

export type TSuccessEnvelope<T> = { success: true; data: T; meta?: Partial<TPageMeta> };
