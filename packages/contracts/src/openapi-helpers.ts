import type { z } from 'zod';
import { successEnvelope, ZErrorEnvelope } from './envelope';

/** Shorthands every contract file's OpenAPI paths use. */
export const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** A success response: the ERD envelope around `schema`. */
export const ok = (description: string, schema: z.ZodType) => ({
  description,
  ...json(successEnvelope(schema)),
});

/** An error response in the ERD envelope. */
export const error = (description: string) => ({ description, ...json(ZErrorEnvelope) });

/** Needs `Authorization: Bearer <access token>`. */
export const bearer = [{ bearerAuth: [] }];
