import type { TDependencyHealth, THealthResponse } from '@localkart/contracts/system';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { Cache } from '../../platform/cache/cache';
import { withTimeout } from '../../platform/timing';

const CHECK_TIMEOUT_MS = 2000;
const AI_CHECK_TTL_MS = 60_000;

const timed = async (kind: string, check: () => Promise<void>): Promise<TDependencyHealth> => {
  const start = performance.now();
  const responseTimeMs = () => Math.round((performance.now() - start) * 10) / 10;
  try {
    await withTimeout(check(), CHECK_TIMEOUT_MS, kind);
    return { status: 'healthy', kind, responseTimeMs: responseTimeMs() };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unreachable';
    return { status: 'unhealthy', kind, responseTimeMs: responseTimeMs(), error: message };
  }
};

type HealthDeps = {
  config: Pick<Config, 'AI_PROVIDER' | 'OPENAI_BASE_URL' | 'OPENAI_API_KEY'>;
  database: Database;
  cache: Cache;
};

/** OpenAI's list-models call proves the key and the endpoint; remembered for a minute. */
const createAiCheck = ({ config }: Pick<HealthDeps, 'config'>) => {
  let last: { at: number; result: TDependencyHealth } | undefined;
  return async (): Promise<TDependencyHealth> => {
    if (config.AI_PROVIDER === 'local')
      return { status: 'healthy', kind: 'local', responseTimeMs: 0 };
    if (last && Date.now() - last.at < AI_CHECK_TTL_MS) return last.result;
    const result = await timed('openai', async () => {
      const response = await fetch(`${config.OPENAI_BASE_URL.replace(/\/$/, '')}/models`, {
        headers: { Authorization: `Bearer ${config.OPENAI_API_KEY ?? ''}` },
        signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`AI endpoint answered ${response.status}`);
    });
    last = { at: Date.now(), result };
    return result;
  };
};

export const createHealthService = (deps: HealthDeps) => {
  const startedAt = Date.now();
  const checkAi = createAiCheck(deps);

  const checkRedis = (): Promise<TDependencyHealth> =>
    deps.cache.kind === 'redis'
      ? timed('redis', () => deps.cache.ping())
      : Promise.resolve({ status: 'embedded', kind: 'in-process', responseTimeMs: 0 });

  const checkHealth = async (): Promise<THealthResponse> => {
    const [database, redis, ai] = await Promise.all([
      timed(deps.database.kind, () => deps.database.ping()),
      checkRedis(),
      checkAi(),
    ]);
    // Without Redis or the LLM the product still serves (in-process fallbacks), so only the
    // database decides whether this instance should take traffic.
    const status =
      database.status === 'unhealthy'
        ? 'unhealthy'
        : redis.status === 'unhealthy' || ai.status === 'unhealthy'
          ? 'degraded'
          : 'healthy';
    return {
      status,
      checks: { database, redis, ai },
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      timestamp: new Date().toISOString(),
    };
  };

  return { checkHealth };
};

export type HealthService = ReturnType<typeof createHealthService>;
