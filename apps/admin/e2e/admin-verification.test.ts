import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TProviderProfile } from '@localkart/contracts/providers';
import { startApp, type RunningApp } from '../../web/e2e/server';
import { launchChromium } from '../../web/e2e/browser';

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');
const DESKTOP = { width: 1440, height: 900 };
const PASSWORD = 'Verify@2026';
const run = Date.now().toString(36);
const admin = { email: `admin.${run}@localkart.test`, password: 'Admin@Panel2026' };
const provider = { email: `anita.${run}@example.in`, first: 'Anita', last: 'Desai' };
const customer = { email: `vikram.${run}@example.in`, first: 'Vikram', last: 'Rao' };
const BUSINESS = `Anita Plumbing Services ${run}`;

// The smallest valid PDF: the API checks an upload's type by its magic bytes.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Tomorrow on the Asia/Kolkata calendar. */
const tomorrow = () =>
  new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let step = 0;
let providerId = '';

const visible = (locator: Locator, timeout = 30_000) =>
  locator.waitFor({ state: 'visible', timeout });

/** Every step leaves a picture: `NN-what.png`. */
const shot = async (name: string) => {
  step += 1;
  // Hindi glyphs come from a web font; wait until it has loaded, not its fallback boxes.
  await page.evaluate(() => document.fonts.ready.then(() => true));
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${String(step).padStart(2, '0')}-${name}.png`),
    fullPage: true,
  });
};

/** The API, as a script would call it: JSON in, the envelope's data out. */
const call = async <T>(
  method: string,
  url: string,
  {
    token,
    body,
    headers = {},
  }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> => {
  const res = await fetch(`${app.url}${url}`, {
    method,
    headers: {
      ...headers,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = (await res.json()) as { success: boolean; data: T };
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(envelope)}`);
  return envelope.data;
};

const account = async (who: typeof customer, phone: string) => {
  await call('POST', '/api/auth/register', {
    body: { email: who.email, password: PASSWORD, firstName: who.first, lastName: who.last, phone },
  });
  const session = await call<{ accessToken: string }>('POST', '/api/auth/login', {
    body: { email: who.email, password: PASSWORD },
  });
  return session.accessToken;
};

const signInAtAdmin = async (email: string, password: string, path = '/admin') => {
  await page.goto(`${app.url}${path}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

beforeAll(async () => {
  // This run's pictures only: numbering restarts, and a stale one would mislead.
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: DESKTOP,
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
  });
  page = await context.newPage();

  // A provider with a profile and a licence awaiting review, set up through the API.
  const token = await account(provider, '+91 98860 12345');
  const profile = await call<TProviderProfile>('POST', '/api/providers/register', {
    token,
    body: {
      businessName: BUSINESS,
      description: 'Leaking taps and blocked drains fixed across Indiranagar.',
      service: {
        categorySlug: 'plumbing',
        subcategorySlug: 'tap-repair',
        title: 'Tap repair',
        basePricePaise: 35_000,
      },
      serviceArea: { pincodes: ['560038'], radiusKm: 6 },
    },
  });
  providerId = profile.id;
  const form = new FormData();
  form.append('type', 'license');
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'trade-licence.pdf');
  await call('POST', '/api/providers/documents', { token, body: form });
  const customerToken = await account(customer, '+91 99020 67890');
  const centre = profile.serviceAreas[0]?.centre;
  if (!centre) throw new Error('the provider has no service area');
  await marketplaceActivity(token, customerToken, [centre.lng, centre.lat]);
}, 240_000);

/**
 * Something for the dashboard to show: one booking done and paid in cash, one cancelled, and
 * searches nobody could serve. Real requests, so the figures are the API's own.
 */
const marketplaceActivity = async (
  providerToken: string,
  customerToken: string,
  coordinates: [number, number],
) => {
  const days = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  await call('PUT', '/api/providers/availability', {
    token: providerToken,
    body: { slots: days.map((day) => ({ day, start: '08:00', end: '20:00' })) },
  });
  const book = (preferredTime: string) =>
    call<{ id: string }>('POST', '/api/bookings', {
      token: customerToken,
      headers: { 'Idempotency-Key': `admin-e2e-${run}-${preferredTime}` },
      body: {
        providerId,
        service: { category: 'plumbing', description: 'Bathroom tap dripping all night' },
        location: { address: '221, 12th Main, Indiranagar', coordinates },
        schedule: { preferredDate: tomorrow(), preferredTime },
        paymentMethod: 'cash',
      },
    });
  const done = await book('10:00');
  for (const action of ['confirm', 'start', 'complete'])
    await call('POST', `/api/bookings/${done.id}/${action}`, { token: providerToken, body: {} });
  const cancelled = await book('15:00');
  await call('POST', `/api/bookings/${cancelled.id}/cancel`, {
    token: customerToken,
    body: { reason: 'Fixed it myself' },
  });
  for (const q of ['chimney cleaning', 'piano tuning', 'chimney cleaning'])
    await call('GET', `/api/search/providers?${new URLSearchParams({ q, pincode: '560038' })}`);
};

// A failed step leaves the screen behind, to see what the admin was looking at.
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${step}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// CI runs `npm test` a second time against PostgreSQL and Redis for the API; this journey
// exercises the admin app, which that run would only repeat more slowly.
describe.skipIf(!!process.env.DATABASE_URL)('an admin verifies a provider, in Chromium', () => {
  it('when a customer signs in at /admin, then they are refused and signed out', async () => {
    await signInAtAdmin(customer.email, PASSWORD);
    await visible(page.getByText('This panel is for admin accounts only.'));
    await shot('admin-refuses-customer');
    // Signed out: a reload lands on the sign-in form again, not in the panel.
    await page.reload();
    await visible(page.getByRole('heading', { name: 'Admin sign-in' }));
  });

  it('when the admin signs in at /admin/login, then the dashboard shows the figures and charts', async () => {
    await signInAtAdmin(admin.email, admin.password, '/admin/login');
    await visible(page.getByRole('heading', { name: 'Dashboard' }));
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    await visible(page.getByText('Sign-ups').first());
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(5);
    await shot('admin-dashboard');
    await page.getByRole('button', { name: 'Week' }).click();
    await expect.poll(() => page.url()).toContain('granularity=week');
    await visible(page.locator('canvas').first());
  });

  it('when the admin approves the document and marks the provider verified, then the public profile is verified', async () => {
    await page.getByRole('link', { name: 'Verification' }).click();
    await visible(page.getByRole('heading', { name: 'Verification queue' }));
    const row = page.getByRole('row', { name: new RegExp(BUSINESS) });
    await visible(row);
    await shot('admin-verification-queue');

    await row.getByRole('button', { name: `Open: ${BUSINESS}` }).click();
    const drawer = page.getByRole('dialog', { name: BUSINESS });
    await visible(drawer);
    await visible(drawer.getByRole('article', { name: 'Licence' }));
    await shot('admin-provider-drawer');
    // The document is private: the panel fetches it with the admin's token and saves it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      drawer.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^license-[0-9a-f]{8}\.pdf$/);

    await drawer.getByRole('button', { name: 'Approve', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Approve this licence?' });
    await visible(confirm);
    await confirm.getByLabel('Reason').fill('Trade licence number matches the BBMP register');
    await shot('admin-confirm-approve');
    await confirm.getByRole('button', { name: 'Approve document' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(drawer.getByText('Approved', { exact: true }));

    // Approving a document does not verify the provider by itself (the API keeps them apart).
    expect(
      (await call<{ isVerified: boolean }>('GET', `/api/providers/${providerId}`)).isVerified,
    ).toBe(false);
    await drawer.getByRole('button', { name: 'Mark verified' }).click();
    const verify = page.getByRole('dialog', { name: `Mark ${BUSINESS} verified?` });
    await visible(verify);
    // The reason is required: an empty one is refused before any request.
    await verify.getByRole('button', { name: 'Mark verified' }).click();
    await visible(verify.getByText('Write a reason of at least 3 characters.'));
    await verify.getByLabel('Reason').fill('Licence approved; identity checked on a video call');
    await shot('admin-confirm-verify');
    await verify.getByRole('button', { name: 'Mark verified' }).click();
    await verify.waitFor({ state: 'hidden' });
    await visible(drawer.getByRole('button', { name: 'Withdraw verification' }));

    const publicProfile = await call<{ isVerified: boolean }>(
      'GET',
      `/api/providers/${providerId}`,
    );
    expect(publicProfile.isVerified).toBe(true);

    // Escape closes the drawer and focus goes back to the row's button.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('when the admin opens the audit log, then both decisions are there with their changes', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await visible(page.getByRole('heading', { name: 'Audit log' }));
    await visible(page.getByRole('cell', { name: 'provider.verify', exact: true }));
    await visible(page.getByRole('cell', { name: 'provider_document.approve', exact: true }));
    await shot('admin-audit-log');
    await page
      .getByRole('row', { name: /provider\.verify/ })
      .getByRole('button', { name: /^Open/ })
      .click();
    const entry = page.getByRole('dialog', { name: 'provider.verify on provider' });
    await visible(entry);
    await visible(entry.getByRole('rowheader', { name: 'isVerified' }));
    await shot('admin-audit-entry');
    await page.keyboard.press('Escape');
    await entry.waitFor({ state: 'hidden' });

    await page.getByLabel('Action').fill('provider.verify');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
  });

  it('when the admin switches to Hindi, then the panel reads in Hindi with no raw keys', async () => {
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await visible(page.getByRole('heading', { name: 'ऑडिट लॉग' }));
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
    await page
      .getByRole('row', { name: /provider_document\.approve/ })
      .getByRole('button')
      .click();
    const entry = page.getByRole('dialog', {
      name: 'provider_document पर provider_document.approve',
    });
    await visible(entry.getByRole('heading', { name: 'क्या बदला' }));
    await shot('admin-audit-entry-hindi');
    await page.keyboard.press('Escape');
    await entry.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'डैशबोर्ड' }).click();
    await visible(page.getByRole('heading', { name: 'डैशबोर्ड' }));
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(5);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(
      /\b(common|shell|auth|table|confirm|dashboard|verification|auditLog)\.[a-zA-Z]/,
    );
    await shot('admin-dashboard-hindi');
  });
});
