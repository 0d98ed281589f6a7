/**
 * Lighthouse's performance category for one URL, in a Chromium of its own (Debian's, started by
 * playwright-core with a DevTools port for Lighthouse to attach to). Lighthouse's defaults: the
 * mobile preset (Moto G Power screen), simulated slow-4G network and 4× CPU slowdown (Lantern),
 * so the metrics it reports are estimates for that device, computed from a trace taken here.
 */
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { freePort } from '../apps/web/e2e/server';
import { CHROMIUM_ARGS } from './web-probes';

export type LighthouseRun = {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Lighthouse's own run time. */
  wallMs: number;
  version: string;
};

const AUDITS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndexMs: 'speed-index',
} as const;

export const runLighthouse = async (url: string, chromiumPath: string): Promise<LighthouseRun> => {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const started = performance.now();
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    const wallMs = performance.now() - started;
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const score = lhr.categories.performance?.score;
    if (score === undefined || score === null) throw new Error(`Lighthouse: no score for ${url}`);
    const metric = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse: no ${id} for ${url}`);
      return value;
    };
    return {
      score: score * 100,
      fcpMs: metric(AUDITS.fcpMs),
      lcpMs: metric(AUDITS.lcpMs),
      tbtMs: metric(AUDITS.tbtMs),
      cls: metric(AUDITS.cls),
      speedIndexMs: metric(AUDITS.speedIndexMs),
      wallMs,
      version: lhr.lighthouseVersion,
    };
  } finally {
    await browser.close();
  }
};
