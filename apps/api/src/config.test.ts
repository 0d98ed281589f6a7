import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const problemsOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('when nothing is set, then the embedded defaults apply', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.pgliteDir).toMatch(/data[/\\]pg$/);
    expect(config.AI_PROVIDER).toBe('local');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when a value is invalid, then start-up stops with a message naming the variable', () => {
    expect(problemsOf({ PORT: 'eighty' })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ DATABASE_URL: 'mysql://localhost/x' })[0]).toMatch(
      /^DATABASE_URL: .*postgres/,
    );
    expect(problemsOf({ REDIS_URL: 'not a url' })[0]).toMatch(/^REDIS_URL: /);
    expect(problemsOf({ LOG_LEVEL: 'verbose' })[0]).toMatch(/^LOG_LEVEL: /);
  });

  it('when an enumerated value is unknown, then it is refused', () => {
    expect(problemsOf({ NODE_ENV: 'staging' })[0]).toMatch(/^NODE_ENV: /);
    expect(problemsOf({ AI_PROVIDER: 'gemini' })[0]).toMatch(/^AI_PROVIDER: /);
  });

  it('when several values are invalid, then every one is named', () => {
    const problems = problemsOf({ PORT: '-1', RATE_LIMIT_MAX: '0' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'RATE_LIMIT_MAX']);
  });

  it('when the OpenAI engine is chosen without a key, then start-up stops', () => {
    expect(problemsOf({ AI_PROVIDER: 'openai' })).toEqual([
      'OPENAI_API_KEY: required when AI_PROVIDER=openai',
    ]);
  });

  it('when the background worker is turned off without Redis, then start-up stops (nobody else could do its work)', () => {
    expect(problemsOf({ WORKER_ENABLED: 'false' })).toEqual([
      'WORKER_ENABLED: may be false only when REDIS_URL is set',
    ]);
    const split = parseConfig({ WORKER_ENABLED: 'false', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(split.WORKER_ENABLED).toBe(false);
    expect(parseConfig({}).JOB_ATTEMPTS).toBe(5);
    expect(problemsOf({ JOB_ATTEMPTS: '0' })[0]).toMatch(/^JOB_ATTEMPTS: /);
  });

  it('when CORS origins include a wildcard, then they are refused (credentials are allowed)', () => {
    expect(problemsOf({ CORS_ORIGINS: '*' })[0]).toMatch(/^CORS_ORIGINS/);
  });

  it('when a variable is empty, then it counts as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('when TRUST_PROXY is a hop count, then it is a number', () => {
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
  });
});
