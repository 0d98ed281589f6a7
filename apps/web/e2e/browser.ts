import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (or `CHROMIUM_PATH`), headless, as every end-to-end test drives it. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
