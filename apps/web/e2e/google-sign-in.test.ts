import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  startTestProvider,
  type TestProvider,
} from '../../api/src/modules/auth/oidc/test-provider';
import { freePort, startApp, type RunningApp } from './server';
import { launchChromium } from './browser';

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');
const run = Date.now().toString(36);
const account = { login: `meera-${run}`, email: `meera.${run}@gmail.test` };

let provider: TestProvider;
let app: RunningApp;
let browser: Browser;
let page: Page;

const shot = (name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `google-${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The identity provider must know where to send people back before the app starts.
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  provider = await startTestProvider({ redirectUri: `${appUrl}/api/auth/oidc/callback` });
  provider.accounts.set(account.login, {
    email: account.email,
    email_verified: true,
    given_name: 'Meera',
    family_name: 'Iyer',
  });
  app = await startApp({
    port,
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await provider?.close();
});

describe.skipIf(!!process.env.DATABASE_URL)('signing in with an identity provider', () => {
  it('when a new person continues with Google from the sign-in page, then they come back signed in where they were going', async () => {
    await page.goto(`${app.url}/signin?next=/wallet`);
    await page.getByRole('link', { name: 'Continue with Google' }).click();
    // The provider's own sign-in and consent pages (oidc-provider's development screens).
    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('input[name="login"]').fill(account.login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${app.url}/wallet`);
    await page.getByTestId('wallet-balance').waitFor({ timeout: 30_000 });
    await shot('signed-in');

    // The account was made from what the provider vouched for: its e-mail, verified.
    await page.goto(`${app.url}/account`);
    await page.getByText(account.email).waitFor({ timeout: 30_000 });
    await page.getByText('E-mail confirmed').waitFor();
    await shot('account');
  });
});
