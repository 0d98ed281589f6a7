import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope, ZErrorEnvelope } from './envelope';

export const ZPingResponse = z
  .object({ pong: z.literal(true), time: z.iso.datetime() })
  .meta({ id: 'Ping' });

export type TPingResponse = z.infer<typeof ZPingResponse>;

export const ZDependencyStatus = z.enum(['healthy', 'unhealthy', 'embedded', 'degraded']);

export const ZDependencyHealth = z
  .object({
    status: ZDependencyStatus,
    /** What is behind the check: `pglite`, `postgres`, `redis`, `in-process`, `local`, `openai`. */
    kind: z.string(),
    responseTimeMs: z.number().nonnegative(),
    error: z.string().optional(),
  })
  .meta({ id: 'DependencyHealth' });

export type TDependencyHealth = z.infer<typeof ZDependencyHealth>;

/**
 * ERD §10.2. `status` is `unhealthy` (HTTP 503) when the database is down, `degraded` (HTTP 200)
 * when only Redis or the AI engine is, since the product keeps serving without them.
 */
export const ZHealthResponse = z
  .object({
    status: z.enum(['healthy', 'degraded', 'unhealthy']),
    checks: z.object({
      database: ZDependencyHealth,
      redis: ZDependencyHealth,
      ai: ZDependencyHealth,
    }),
    uptimeSeconds: z.number().nonnegative(),
    timestamp: z.iso.datetime(),
  })
  .meta({ id: 'Health' });

export type THealthResponse = z.infer<typeof ZHealthResponse>;

const jsonContent = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

export const systemPaths = {
  '/api/ping': {
    get: {
      summary: 'Liveness probe of the HTTP stack (touches no dependency)',
      tags: ['System'],
      responses: { '200': { description: 'Pong', ...jsonContent(successEnvelope(ZPingResponse)) } },
    },
  },
  '/health': {
    get: {
      summary: 'Health of the database, Redis and the AI engine, with response times',
      tags: ['System'],
      responses: {
        '200': {
          description: 'Healthy or degraded',
          ...jsonContent(successEnvelope(ZHealthResponse)),
        },
        '503': { description: 'The database is unreachable', ...jsonContent(ZErrorEnvelope) },
      },
    },
  },
  '/metrics': {
    get: {
      summary: 'Prometheus metrics: request counts and latency by route (histogram)',
      tags: ['System'],
      responses: {
        '200': {
          description: 'Prometheus text format',
          content: { 'text/plain': { schema: z.string() } },
        },
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
