import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

/**
 * With `BENCH_CPU_PROFILE=<file>`, a bench server records a V8 CPU profile from the moment it
 * listens until it stops, and writes it to `<file>.<pid>.cpuprofile` (a bench may start several
 * servers; open it in Chrome DevTools or speedscope). The
 * servers run under `tsx`, which leaves no way to pass `--cpu-prof`; without the variable
 * nothing is recorded.
 */
export const startCpuProfile = async (): Promise<(() => Promise<void>) | undefined> => {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(`${file}.${process.pid}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  };
};
