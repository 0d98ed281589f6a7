import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRazorpay } from '../../api/src/modules/payments/payments-test-support';
import { startApp, type RunningApp } from './server';
import { launchChromium } from './browser';

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');
const KEY_ID = 'rzp_test_E2eCheckout01';
const KEY_SECRET = 'e2e-razorpay-key-secret';
const PASSWORD = 'Checkout@2026';
const email = `asha.${Date.now().toString(36)}@example.in`;

/**
 * Razorpay's checkout.js as the browser meets it: `new Razorpay(options)`, `.on('payment.failed')`
 * and `.open()`, which shows its own modal. "Pay" answers the `handler` with a payment id and the
 * signature Razorpay computes (HMAC-SHA256 of `order_id|payment_id` with the key secret); "Close"
 * calls `modal.ondismiss`. Served in place of https://checkout.razorpay.com/v1/checkout.js, which
 * this machine cannot reach.
 */
const fakeCheckoutJs = (keySecret: string) => `
window.Razorpay = class {
  constructor(options) { this.options = options; this.listeners = {}; }
  on(event, listener) { this.listeners[event] = listener; }
  open() {
    const modal = document.createElement('div');
    modal.setAttribute('role', 'dialog');
    modal.setAttribute('aria-label', 'Razorpay Checkout');
    modal.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center;z-index:9999';
    const panel = document.createElement('div');
    panel.style.cssText = 'background:#fff;padding:24px;border-radius:8px;font:16px sans-serif';
    panel.textContent = this.options.name + ' · ₹' + (this.options.amount / 100) + ' · ' + this.options.order_id;
    const button = (label, onClick) => {
      const element = document.createElement('button');
      element.textContent = label;
      element.style.cssText = 'display:block;margin-top:12px';
      element.onclick = onClick;
      panel.append(element);
    };
    button('Razorpay: Pay', async () => {
      const paymentId = 'pay_' + Math.random().toString(36).slice(2, 16);
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(${JSON.stringify(keySecret)}),
        { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(this.options.order_id + '|' + paymentId));
      const signature = [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
      modal.remove();
      this.options.handler({ razorpay_payment_id: paymentId, razorpay_order_id: this.options.order_id, razorpay_signature: signature });
    });
    button('Razorpay: Close', () => { modal.remove(); this.options.modal.ondismiss(); });
    modal.append(panel);
    document.body.append(modal);
  }
};`;

let razorpay: Awaited<ReturnType<typeof startFakeRazorpay>>;
let app: RunningApp;
let browser: Browser;
let page: Page;

const visible = (locator: Locator, timeout = 30_000) =>
  locator.waitFor({ state: 'visible', timeout });
const shot = (name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `razorpay-${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  razorpay = await startFakeRazorpay({ keyId: KEY_ID, keySecret: KEY_SECRET });
  app = await startApp({
    env: {
      RAZORPAY_KEY_ID: KEY_ID,
      RAZORPAY_KEY_SECRET: KEY_SECRET,
      RAZORPAY_WEBHOOK_SECRET: 'e2e-razorpay-webhook-secret',
      RAZORPAY_API_URL: razorpay.url,
    },
  });
  const registered = await fetch(`${app.url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password: PASSWORD,
      firstName: 'Asha',
      lastName: 'Verma',
      phone: '+91 98860 12345',
    }),
  });
  expect(registered.status).toBe(201);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.route('https://checkout.razorpay.com/v1/checkout.js', (route) =>
    route.fulfill({ contentType: 'application/javascript', body: fakeCheckoutJs(KEY_SECRET) }),
  );
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await razorpay?.close();
});

describe.skipIf(!!process.env.DATABASE_URL)('paying through Razorpay Checkout', () => {
  it('when the customer closes the checkout and then pays, then the wallet is credited once, after the API verified the signature', async () => {
    await page.goto(`${app.url}/signin?next=/wallet`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/wallet');
    await page.getByLabel('Amount (₹)').fill('750');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByRole('button', { name: 'Pay ₹750' }).click();
    await visible(page.getByRole('dialog', { name: 'Razorpay Checkout' }));
    await shot('checkout-open');
    await page.getByRole('button', { name: 'Razorpay: Close' }).click();
    await visible(page.getByText('The payment was not completed. You can try again.'));
    await shot('checkout-closed');

    await page.getByRole('button', { name: 'Pay ₹750' }).click();
    await page.getByRole('button', { name: 'Razorpay: Pay' }).click();
    await visible(page.getByText('₹750 paid.'));
    await page.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(() => page.getByTestId('wallet-balance').textContent(), { timeout: 30_000 })
      .toBe('₹750');
    await shot('wallet-credited');
    // The order went to Razorpay's API once; the payment was never taken on trust.
    expect(razorpay.requests.filter((request) => request.path === '/v1/orders')).toHaveLength(1);
  });
});
