import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './server';
import { launchChromium } from './browser';

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const PASSWORD = 'Journey@2026';
const run = Date.now().toString(36);
const provider = {
  first: 'Ramesh',
  last: 'Kumar',
  email: `ramesh.${run}@example.in`,
  phone: '+91 98450 11223',
};
const customer = {
  first: 'Priya',
  last: 'Sharma',
  email: `priya.${run}@example.in`,
  phone: '+91 99000 44556',
};
const BUSINESS = `Ramesh Plumbing Works ${run}`;

let app: RunningApp;
let browser: Browser;
let providerSide: BrowserContext;
let customerSide: BrowserContext;
let providerPage: Page;
let customerPage: Page;
let step = 0;
/** The provider's id, read from the booking page's address. */
let providerId = '';

const visible = (locator: Locator, timeout = 30_000) =>
  locator.waitFor({ state: 'visible', timeout });

/** Waits for the booking's status badge to read `status` (the page updates itself). */
const statusIs = (page: Page, status: string, timeout = 30_000) =>
  expect
    .poll(() => page.getByTestId('booking-status').first().getAttribute('data-status'), {
      timeout,
      interval: 250,
    })
    .toBe(status);

/** Every step leaves a picture: `NN-who-what.png`. */
const shot = async (page: Page, name: string) => {
  step += 1;
  // From the top, so the sticky header sits where it belongs in the full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Hindi glyphs come from a web font; wait until it has loaded, not its fallback boxes.
  await page.evaluate(() => document.fonts.ready.then(() => true));
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${String(step).padStart(2, '0')}-${name}.png`),
    fullPage: true,
  });
};

/** The booking form's job, its first free time and the customer's address in Koramangala. */
const describeJob = async (page: Page, job: string) => {
  await page.getByLabel('Describe the job').fill(job);
  await page.getByRole('radiogroup', { name: 'Choose a time' }).getByRole('radio').first().click();
  await page.getByLabel('Address', { exact: true }).fill('14, 5th Cross, Koramangala 4th Block');
};

const signUp = async (
  page: Page,
  who: typeof customer,
  { offersServices }: { offersServices: boolean },
) => {
  await page.goto(`${app.url}/signup`);
  await page.getByLabel('First name').fill(who.first);
  await page.getByLabel('Last name').fill(who.last);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Mobile number').fill(who.phone);
  await page.getByLabel('Password').fill(PASSWORD);
  if (offersServices) await page.getByLabel('I also want to offer my services').check();
  await page.getByRole('button', { name: 'Create account' }).click();
};

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
  // Two people, two browsers: nothing shared but the server.
  providerSide = await browser.newContext({
    viewport: DESKTOP,
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
  });
  customerSide = await browser.newContext({
    viewport: PHONE,
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    isMobile: true,
    hasTouch: true,
  });
  providerPage = await providerSide.newPage();
  customerPage = await customerSide.newPage();
}, 180_000);

// A failed step leaves both screens behind, to see what each person was looking at.
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await providerPage.screenshot({
    path: path.join(SCREENSHOTS, `failed-${step}-provider.png`),
    fullPage: true,
  });
  await customerPage.screenshot({
    path: path.join(SCREENSHOTS, `failed-${step}-customer.png`),
    fullPage: true,
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// CI runs `npm test` a second time against PostgreSQL and Redis for the API; this journey
// exercises the web app, which that run would only repeat more slowly.
describe.skipIf(!!process.env.DATABASE_URL)(
  'a customer books a provider, end to end in two browsers',
  () => {
    it('when a provider describes their work, then the AI draft becomes their saved profile', async () => {
      await signUp(providerPage, provider, { offersServices: true });
      await providerPage.waitForURL('**/provider/onboarding');
      await providerPage
        .getByLabel('Describe your work in your own words')
        .fill(
          'I am a plumber in Koramangala with 12 years of experience. Tap repair, pipe leakage and bathroom fittings. 400 rupees per visit.',
        );
      await providerPage.getByRole('button', { name: 'Create my profile' }).click();
      await visible(providerPage.getByText('Your profile — check and edit'));
      await shot(providerPage, 'provider-ai-draft');
      await providerPage.getByLabel('Business name').fill(BUSINESS);
      await providerPage.getByLabel('Category').selectOption('plumbing');
      await providerPage.getByLabel('Service title').fill('Tap and pipe repair');
      await providerPage.getByLabel('Price (₹)').fill('400');
      await providerPage.getByLabel('Areas you serve').fill('Koramangala');
      await providerPage.getByRole('button', { name: 'Save and continue' }).click();
      await providerPage.waitForURL('**/provider/setup');
      await visible(providerPage.getByRole('heading', { name: BUSINESS }));
    });

    it('when the provider opens every day round the clock, then the hours are saved', async () => {
      for (const day of [
        'Monday',
        'Tuesday',
        'Wednesday',
        'Thursday',
        'Friday',
        'Saturday',
        'Sunday',
      ]) {
        await providerPage.getByLabel(day, { exact: true }).check();
        await providerPage.getByLabel(`${day} from`).fill('00:00');
        await providerPage.getByLabel(`${day} until`).fill('23:59');
      }
      await providerPage.getByRole('button', { name: 'Save hours' }).click();
      await visible(providerPage.getByText('Saved.').first());
      await shot(providerPage, 'provider-setup');
      await providerPage.getByRole('link', { name: 'Requests' }).click();
      await visible(providerPage.getByText('Nothing here right now'));
    });

    it('when a customer signs up and searches, then the provider is found with suggestions', async () => {
      await signUp(customerPage, customer, { offersServices: false });
      await customerPage.waitForURL(`${app.url}/`);
      await customerPage.getByLabel('Where?').fill('Koramangala');
      await customerPage.getByLabel('Where?').press('Enter');
      await customerPage.getByRole('combobox').fill('plumb');
      const suggestion = customerPage.getByRole('option').first();
      await visible(suggestion);
      await shot(customerPage, 'customer-suggestions');
      await suggestion.click();
      await visible(customerPage.getByRole('link', { name: BUSINESS }));
      await shot(customerPage, 'customer-results');
      await customerPage.getByRole('link', { name: BUSINESS }).click();
      await visible(customerPage.getByRole('heading', { name: BUSINESS }));
      await shot(customerPage, 'customer-provider-page');
    });

    it('when the customer double-clicks to book, then exactly one booking is made', async () => {
      await customerPage.getByRole('link', { name: 'Book now' }).first().click();
      await customerPage.waitForURL('**/book/*');
      providerId = customerPage.url().split('/').pop() ?? '';
      await describeJob(customerPage, 'Kitchen tap leaking under the sink');
      await expect
        .poll(() => customerPage.getByTestId('quote-total').textContent(), { timeout: 30_000 })
        .toBe('₹400');
      await shot(customerPage, 'customer-booking-form');
      await customerPage.getByRole('button', { name: 'Request booking' }).dblclick();
      await visible(customerPage.getByRole('heading', { name: 'Booking requested' }));
      await shot(customerPage, 'customer-booking-requested');
      await customerPage.goto(`${app.url}/bookings`);
      await visible(customerPage.getByTestId('booking-status').first());
      expect(await customerPage.getByTestId('booking-status').count()).toBe(1);
      await customerPage.getByRole('link', { name: /Tap and pipe repair/ }).click();
      await statusIs(customerPage, 'pending');
    });

    it('when the provider accepts the live request, then the customer sees it confirmed without reloading', async () => {
      const request = providerPage.getByRole('link', { name: /Tap and pipe repair/ });
      await visible(request, 30_000);
      // The request also rang the provider's notification bell.
      await visible(providerPage.getByTestId('unread-notifications'));
      await shot(providerPage, 'provider-new-request');
      await request.click();
      await providerPage.getByRole('button', { name: 'Accept' }).click();
      await statusIs(providerPage, 'confirmed');
      await statusIs(customerPage, 'confirmed', 30_000);
      await shot(customerPage, 'customer-sees-confirmed');
    });

    it('when they write in the booking chat, then each sees the other live, with typing and read receipts', async () => {
      await customerPage
        .getByLabel('Message', { exact: true })
        .fill('Hello! Please bring a spanner set.');
      await visible(providerPage.getByText('Typing…'));
      await customerPage.getByRole('button', { name: 'Send', exact: true }).click();
      await visible(providerPage.getByText('Hello! Please bring a spanner set.'));
      await providerPage.getByLabel('Message', { exact: true }).fill('Sure, I will bring it.');
      await providerPage.getByRole('button', { name: 'Send', exact: true }).click();
      await visible(customerPage.getByText('Sure, I will bring it.'));
      // The provider's open chat read the customer's message: the customer sees it marked seen.
      await expect
        .poll(() => customerPage.getByTestId('read-receipt').first().textContent(), {
          timeout: 30_000,
        })
        .toContain('Seen');
      await shot(customerPage, 'customer-chat');
      await shot(providerPage, 'provider-chat');
    });

    it('when the provider starts and completes the job, then the customer can review it', async () => {
      await providerPage.getByRole('button', { name: 'Start job' }).click();
      await statusIs(providerPage, 'in_progress');
      await providerPage.getByRole('button', { name: 'Mark completed' }).click();
      await statusIs(providerPage, 'completed');
      await shot(providerPage, 'provider-completed');
      await statusIs(customerPage, 'completed', 30_000);
      await customerPage.locator('label', { hasText: '5 stars' }).click();
      await customerPage
        .getByLabel('Tell others about the work (optional)')
        .fill('Fixed the leak in twenty minutes. Neat work!');
      await customerPage.getByRole('button', { name: 'Post review' }).click();
      await visible(customerPage.getByText('Thank you for your review!'));
      await shot(customerPage, 'customer-reviewed');
    });

    it('when the customer tops up the wallet in test mode, then the balance shows the money', async () => {
      await customerPage.goto(`${app.url}/wallet`);
      await customerPage.getByLabel('Amount (₹)').fill('750');
      await customerPage.getByRole('button', { name: 'Continue to payment' }).click();
      await visible(customerPage.getByText('Test mode · no real money'));
      await customerPage.getByRole('button', { name: 'Pay (test)' }).click();
      await expect
        .poll(() => customerPage.getByTestId('wallet-balance').textContent(), { timeout: 30_000 })
        .toBe('₹750');
      await shot(customerPage, 'customer-wallet');
    });

    it('when the customer closes the online checkout, then they pay later from the booking', async () => {
      await customerPage.goto(`${app.url}/book/${providerId}`);
      await describeJob(customerPage, 'Bathroom tap dripping');
      await customerPage.locator('label', { hasText: 'UPI, card or net banking' }).click();
      await customerPage.getByRole('button', { name: 'Request booking' }).click();
      await visible(customerPage.getByText('Test mode · no real money'));
      await customerPage.getByRole('button', { name: 'Cancel', exact: true }).click();
      await customerPage.getByRole('link', { name: 'View booking' }).click();
      await visible(customerPage.getByText('This booking is waiting for its online payment.'));
      await shot(customerPage, 'customer-payment-due');
      await customerPage.getByRole('button', { name: 'Pay ₹400 now' }).click();
      await customerPage.getByRole('button', { name: 'Pay (test)' }).click();
      await visible(customerPage.getByText('Online · paid'));
      expect(
        await customerPage.getByText('This booking is waiting for its online payment.').count(),
      ).toBe(0);
      await shot(customerPage, 'customer-paid-later');
    });

    it('when the provider opens earnings, then the completed job is counted', async () => {
      await providerPage.goto(`${app.url}/provider/analytics`);
      await visible(providerPage.getByRole('heading', { name: 'Earnings and analytics' }));
      await visible(providerPage.getByText('₹360').first());
      await shot(providerPage, 'provider-analytics');
    });

    it('when the customer switches to Hindi, then the app speaks Hindi and remembers it', async () => {
      await customerPage.goto(`${app.url}/`);
      await customerPage.getByRole('button', { name: 'हिन्दी' }).click();
      await visible(customerPage.getByRole('heading', { name: 'आज कौन-सा काम करवाना है?' }));
      await customerPage.reload();
      await visible(customerPage.getByRole('heading', { name: 'आज कौन-सा काम करवाना है?' }));
      await shot(customerPage, 'customer-home-hindi');
    });

    it('when anyone opens the provider page, then the review is shown (escaped, as plain text)', async () => {
      const visitor = await browser.newPage({ viewport: DESKTOP });
      await visitor.goto(`${app.url}/providers/${providerId}`);
      await visible(visitor.getByText('Fixed the leak in twenty minutes. Neat work!'));
      await shot(visitor, 'visitor-provider-page-desktop');
      await visitor.goto(`${app.url}/?locality=Koramangala&category=plumbing`);
      await visible(visitor.getByRole('link', { name: BUSINESS }));
      // The map is a chunk of its own, loaded after the results; the picture shows it drawn.
      await visible(visitor.locator('.leaflet-container'));
      await shot(visitor, 'visitor-search-desktop');
      await visitor.close();
    });
  },
);
