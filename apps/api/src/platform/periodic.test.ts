import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger';
import { startPeriodic } from './periodic';
import { testConfig } from '../test-support/test-env';

const logger = createLogger(testConfig({}));

afterEach(() => {
  vi.useRealTimers();
});

describe('startPeriodic', () => {
  it('when ticks come while a run is still going, then they are skipped: never two at once', async () => {
    vi.useFakeTimers();
    let running = 0;
    let most = 0;
    let runs = 0;
    let finish: () => void = () => undefined;
    const periodic = startPeriodic({
      name: 'slow',
      everyMs: 1_000,
      logger,
      task: () => {
        runs += 1;
        running += 1;
        most = Math.max(most, running);
        return new Promise<void>((resolve) => {
          finish = () => {
            running -= 1;
            resolve();
          };
        });
      },
    });
    await vi.advanceTimersByTimeAsync(3_500);
    expect([runs, most]).toEqual([1, 1]);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    const closed = periodic.close();
    finish();
    await closed;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(2);
  });

  it('when a run fails, then it is logged and the next tick runs again', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(logger, 'warn');
    let runs = 0;
    const periodic = startPeriodic({
      name: 'flaky',
      everyMs: 1_000,
      logger,
      task: () => {
        runs += 1;
        return runs === 1 ? Promise.reject(new Error('database down')) : Promise.resolve();
      },
    });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(2);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ task: 'flaky' }),
      'periodic task failed',
    );
    await periodic.close();
  });
});
