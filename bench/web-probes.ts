/**
 * What `bench/web.ts` measures inside Chromium. Each measurement gets a fresh browser context
 * (nothing cached, no service worker, no cookies) with the browser cache also disabled over CDP.
 * The in-page observers are plain script text: the bench's type check has no DOM library.
 */
import { constants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  // Loopback only: the map's OpenStreetMap tiles (and anything else) fail at once, unsent.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** A mid-range phone, as Lighthouse's mobile preset (Moto G Power): 412×823 at 1.75×. */
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  locale: 'en-IN',
  timezoneId: 'Asia/Kolkata',
};

/** The selector the search page's result cards carry (`provider-card.tsx`). */
export const CARD_SELECTOR = '[data-testid="provider-card"]';
const NAVIGATION_TIMEOUT_MS = 60_000;

export type Asset = { url: string; kind: 'js' | 'css'; bytes: number; gzipBytes: number };

/** Level 9, as a static server precompressing its files would ship them. */
const gzipSize = (body: Buffer) =>
  gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).byteLength;

const kindOf = (resourceType: string, contentType: string): Asset['kind'] | undefined => {
  if (resourceType === 'script' || contentType.includes('javascript')) return 'js';
  if (resourceType === 'stylesheet' || contentType.includes('text/css')) return 'css';
  return undefined;
};

/** A fresh phone-like context and page, cache off, the CPU slowed `cpuThrottle` times. */
const openPage = async (
  browser: Browser,
  cpuThrottle: number,
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  return { context, page };
};

/**
 * Every script and stylesheet `url` loads until the network is idle, with gzipped sizes, and
 * the page as rendered then (markup).
 */
export const firstPageAssets = async (
  browser: Browser,
  url: string,
): Promise<{ assets: Asset[]; rendered: string }> => {
  const { context, page } = await openPage(browser, 1);
  try {
    const pending: Promise<Asset | undefined>[] = [];
    page.on('response', (response) => {
      const kind = kindOf(
        response.request().resourceType(),
        response.headers()['content-type'] ?? '',
      );
      if (!kind || response.status() !== 200) return;
      pending.push(
        response.body().then((body) => ({
          url: new URL(response.url()).pathname,
          kind,
          bytes: body.byteLength,
          gzipBytes: gzipSize(body),
        })),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle', timeout: NAVIGATION_TIMEOUT_MS });
    const assets = (await Promise.all(pending)).filter((asset) => asset !== undefined);
    return {
      assets: assets.sort((a, b) => b.gzipBytes - a.gzipBytes),
      rendered: await page.content(),
    };
  } finally {
    await context.close();
  }
};

/**
 * Core web vitals as the page's own PerformanceObservers see them: FCP, LCP (the last candidate
 * before the read), CLS (every shift without recent input, summed) and total blocking time (the
 * part beyond 50 ms of each long task that starts after FCP).
 */
const VITALS_SCRIPT = `(() => {
  const vitals = { fcp: null, lcp: null, cls: 0, longTasks: [] };
  window.__benchVitals = vitals;
  const observe = (type, onEntry) =>
    new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') vitals.fcp = e.startTime; });
  observe('largest-contentful-paint', (e) => { vitals.lcp = e.startTime; });
  observe('layout-shift', (e) => { if (!e.hadRecentInput) vitals.cls += e.value; });
  observe('longtask', (e) => { vitals.longTasks.push([e.startTime, e.duration]); });
})();`;

export type Vitals = { fcpMs: number; lcpMs: number; cls: number; tbtMs: number; loadMs: number };

type RawVitals = {
  fcp: number | null;
  lcp: number | null;
  cls: number;
  longTasks: [number, number][];
  load: number;
};

/** Loads `url` on the throttled phone, waits for network idle and a quiet second, reads vitals. */
export const measureVitals = async (
  browser: Browser,
  url: string,
  cpuThrottle: number,
): Promise<Vitals> => {
  const { context, page } = await openPage(browser, cpuThrottle);
  try {
    await page.addInitScript({ content: VITALS_SCRIPT });
    await page.goto(url, { waitUntil: 'networkidle', timeout: NAVIGATION_TIMEOUT_MS });
    await page.waitForTimeout(1000);
    const raw = await page.evaluate<RawVitals>(`({
      ...window.__benchVitals,
      load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0,
    })`);
    if (raw.fcp === null) throw new Error(`${url}: no first contentful paint`);
    const fcp = raw.fcp;
    return {
      fcpMs: fcp,
      lcpMs: raw.lcp ?? fcp,
      cls: raw.cls,
      tbtMs: raw.longTasks
        .filter(([start]) => start >= fcp)
        .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
      loadMs: raw.load,
    };
  } finally {
    await context.close();
  }
};

/**
 * Notes when the first result card enters the DOM and when the frame showing it has been
 * produced (a requestAnimationFrame callback, then a task after it: the paint lies between).
 */
const RENDER_SCRIPT = `(() => {
  const state = { inDom: null, painted: null, cards: 0 };
  window.__benchRender = state;
  const check = () => {
    if (state.inDom !== null) return;
    const cards = document.querySelectorAll(${JSON.stringify(CARD_SELECTOR)}).length;
    if (cards === 0) return;
    state.inDom = performance.now();
    state.cards = cards;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { state.painted = performance.now(); }, 0));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

export type SearchRender = {
  /** From the API response's responseEnd to the frame showing the first cards. */
  renderMs: number;
  /** From responseEnd to the first card in the DOM. */
  domMs: number;
  /** The API request itself (Resource Timing startTime → responseEnd). */
  apiMs: number;
  /** Navigation start to the API's responseEnd. */
  answeredAtMs: number;
  cards: number;
};

type RenderGlobal = { __benchRender?: { painted: number | null } };

type RawRender = {
  inDom: number | null;
  painted: number | null;
  cards: number;
  api: { startTime: number; responseEnd: number } | null;
};

/**
 * Opens `url` on the throttled phone and measures, in the page's own clock, how long after the
 * last byte of the search API's answer (`apiPath`) the result cards are on screen.
 */
export const measureSearchRender = async (
  browser: Browser,
  url: string,
  apiPath: string,
  cpuThrottle: number,
): Promise<SearchRender> => {
  const { context, page } = await openPage(browser, cpuThrottle);
  try {
    await page.addInitScript({ content: RENDER_SCRIPT });
    await page.goto(url, { waitUntil: 'commit', timeout: NAVIGATION_TIMEOUT_MS });
    // A function, not a string: the app's CSP (script-src 'self') forbids evaluating strings.
    await page.waitForFunction(
      () => (globalThis as RenderGlobal).__benchRender?.painted != null,
      undefined,
      {
        timeout: NAVIGATION_TIMEOUT_MS,
        polling: 50,
      },
    );
    const raw = await page.evaluate<RawRender>(`(() => {
      const state = window.__benchRender;
      const answers = performance.getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname === ${JSON.stringify(apiPath)} && e.responseEnd <= state.inDom);
      const api = answers.at(-1);
      return { ...state, api: api ? { startTime: api.startTime, responseEnd: api.responseEnd } : null };
    })()`);
    if (raw.api === null || raw.inDom === null || raw.painted === null) {
      throw new Error(`${url}: no ${apiPath} answer before the cards appeared`);
    }
    return {
      renderMs: raw.painted - raw.api.responseEnd,
      domMs: raw.inDom - raw.api.responseEnd,
      apiMs: raw.api.responseEnd - raw.api.startTime,
      answeredAtMs: raw.api.responseEnd,
      cards: raw.cards,
    };
  } finally {
    await context.close();
  }
};

/**
 * Opens the search page once (a warm-up for the server too) and returns the search API request
 * the web app made (path and query) with the answer's bytes, for the baseline to serve.
 */
export const captureSearchAnswer = async (
  browser: Browser,
  url: string,
  apiPath: string,
): Promise<{ apiUrl: string; body: Buffer; cards: number }> => {
  const { context, page } = await openPage(browser, 1);
  try {
    const answer = page.waitForResponse(
      (response) => new URL(response.url()).pathname === apiPath && response.status() === 200,
      { timeout: NAVIGATION_TIMEOUT_MS },
    );
    await page.goto(url, { waitUntil: 'commit', timeout: NAVIGATION_TIMEOUT_MS });
    const response = await answer;
    await page.waitForSelector(CARD_SELECTOR, { timeout: NAVIGATION_TIMEOUT_MS });
    const { pathname, search } = new URL(response.url());
    return {
      apiUrl: pathname + search,
      body: await response.body(),
      cards: await page.locator(CARD_SELECTOR).count(),
    };
  } finally {
    await context.close();
  }
};
