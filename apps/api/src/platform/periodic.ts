import type { Logger } from './logger';

/**
 * Runs `task` every `everyMs` in this process, never two runs at once; a failure is logged and the
 * next tick tries again. The timer does not keep the process alive. The returned closer (for
 * `runtime.closers`) stops the timer and waits for a run in progress.
 */
export const startPeriodic = ({
  name,
  everyMs,
  task,
  logger,
}: {
  name: string;
  everyMs: number;
  task: () => Promise<unknown>;
  logger: Logger;
}): { name: string; close: () => Promise<void> } => {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = task()
      .then(
        () => undefined,
        (error: unknown) => logger.warn({ err: error, task: name }, 'periodic task failed'),
      )
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  timer.unref();
  return {
    name,
    close: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
