import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
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

/** ERD §13.2 headers for pages (the web app, the API reference), tightened per SECURITY.md. */
const documentHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      // HSTS and the TLS terminator handle https; this would break plain-http local runs.
      upgradeInsecureRequests: null,
    },
  },
  hsts,
  referrerPolicy,
  ...legacyHeadersOff,
});

/**
 * JSON responses are never rendered, so they get the OWASP REST Security set: a CSP that allows
 * nothing and forbids framing, nosniff, HSTS, a referrer policy, a resource policy.
 */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  hsts,
  referrerPolicy,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  ...legacyHeadersOff,
});

const isJsonPath = (path: string) =>
  (path.startsWith('/api/') && !path.startsWith('/api/docs')) ||
  path === '/health' ||
  path === '/metrics';

export const securityHeaders = (): RequestHandler => (req, res, next) =>
  isJsonPath(req.path) ? apiHeaders(req, res, next) : documentHeaders(req, res, next);

/**
 * CORS from the configured allow-list only; credentials allowed, so never `*`. A request without
 * an Origin header is not a cross-origin browser call: it gets only `Vary: Origin`, so a shared
 * cache never hands it to one that is.
 */
export const corsPolicy = (config: Pick<Config, 'CORS_ORIGINS'>): RequestHandler => {
  const policy = cors({
    origin: [...config.CORS_ORIGINS],
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  });
  return (req, res, next) => {
    if (req.headers.origin !== undefined) return policy(req, res, next);
    res.vary('Origin');
    next();
  };
};
