import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { APP_HEADER } from '@localkart/contracts/auth';
import type { Config } from '../../config';

/**
 * Headers for browsers long gone (IE8 downloads, Flash policies, the removed XSS auditor, DNS
 * prefetch); CSP frame-ancestors supersedes X-Frame-Options. Each would cost every response.
 */
const legacyHeadersOff = {
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  xFrameOptions: false,
} as const;

const hsts = { maxAge: 31536000, includeSubDomains: true, preload: true };
const referrerPolicy = { policy: 'strict-origin-when-cross-origin' } as const;

/**
 * The headers a helmet configuration sets. Ours are the same on every response (no nonces), so
 * helmet runs once at start-up and each response gets the list in one loop, without helmet's
 * chain of a dozen middleware calls per request.
 */
const headersSetBy = (middleware: ReturnType<typeof helmet>): (readonly [string, string])[] => {
  const headers: (readonly [string, string])[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  middleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error) throw new Error('helmet refused its configuration', { cause: error });
  });
  return headers;
};

/**
 * Razorpay's Standard Checkout: its script, the payment frame it opens, and the calls that frame's
 * script makes. Allowed only when Razorpay is configured; the test gateway needs none of it.
 */
const RAZORPAY_CHECKOUT = {
  scriptSrc: ['https://checkout.razorpay.com'],
  frameSrc: ['https://api.razorpay.com', 'https://checkout.razorpay.com'],
  connectSrc: ['https://api.razorpay.com', 'https://lumberjack.razorpay.com'],
};

/** ERD §13.2 headers for pages (the web app, the API reference), tightened per SECURITY.md. */
const documentHeadersFor = ({ razorpayCheckout }: { razorpayCheckout: boolean }) => {
  const checkout = razorpayCheckout
    ? RAZORPAY_CHECKOUT
    : { scriptSrc: [], frameSrc: [], connectSrc: [] };
  return headersSetBy(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'", ...checkout.scriptSrc],
          imgSrc: ["'self'", 'data:', 'https:'],
          connectSrc: ["'self'", ...checkout.connectSrc],
          ...(checkout.frameSrc.length > 0 ? { frameSrc: checkout.frameSrc } : {}),
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // HSTS and the TLS terminator handle https; this would break plain-http local runs.
          upgradeInsecureRequests: null,
        },
      },
      hsts,
      referrerPolicy,
      ...legacyHeadersOff,
    }),
  );
};

/**
 * JSON responses are never rendered, so they get the OWASP REST Security set: a CSP that allows
 * nothing and forbids framing, nosniff, HSTS, a referrer policy, a resource policy.
 */
const apiHeaders = headersSetBy(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    hsts,
    referrerPolicy,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    ...legacyHeadersOff,
  }),
);

const isJsonPath = (path: string) =>
  (path.startsWith('/api/') && !path.startsWith('/api/docs')) ||
  path === '/health' ||
  path === '/metrics';

export const securityHeaders = (config: Pick<Config, 'RAZORPAY_KEY_ID'> = {}): RequestHandler => {
  const documentHeaders = documentHeadersFor({ razorpayCheckout: Boolean(config.RAZORPAY_KEY_ID) });
  return (req, res, next) => {
    for (const [name, value] of isJsonPath(req.path) ? apiHeaders : documentHeaders) {
      res.setHeader(name, value);
    }
    next();
  };
};

/**
 * CORS from the configured allow-list only; credentials allowed, so never `*`. A request without
 * an Origin header is not a cross-origin browser call: it gets only `Vary: Origin`, so a shared
 * cache never hands it to one that is.
 */
export const corsPolicy = (config: Pick<Config, 'CORS_ORIGINS'>): RequestHandler => {
  const policy = cors({
    origin: [...config.CORS_ORIGINS],
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: [
      'Content-Type',
      'Authorization',
      'Idempotency-Key',
      'X-Request-Id',
      APP_HEADER,
    ],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  });
  return (req, res, next) => {
    if (req.headers.origin !== undefined) return policy(req, res, next);
    if (res.hasHeader('Vary')) res.vary('Origin');
    else res.setHeader('Vary', 'Origin');
    next();
  };
};
