import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by every entry point that serves the app (server.ts, the bench servers), so
 * it runs before the app's own code does any work.
 *
 * V8's allocation-site pretenuring moves a site's objects straight into the old generation once
 * many of them survive a young collection. With it, about two in five server processes went,
 * early in their life, into a mode where every young collection took 25–35 ms instead of ~1 ms,
 * the heap swung between 160 and 460 MB, and throughput stayed ~40% lower for the rest of the
 * process's life. With pretenuring off, none of 22 processes did (bench/README.md, `npm run
 * bench`).
 */
setFlagsFromString('--no-allocation-site-pretenuring');
