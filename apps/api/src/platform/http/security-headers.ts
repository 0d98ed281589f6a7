import cors from 'cors';
import helmet from 'helmet';
import type { Config } from '../../config';

/** ERD §13.2 headers, tightened per SECURITY.md (object-src none, frame-ancestors none). */
export const securityHeaders = () =>
  helmet({
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
    hsts: { maxAge: 31536000, includeSubDomains: true, preload: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });

/** CORS from the configured allow-list only; credentials allowed, so never `*`. */
export const corsPolicy = (config: Pick<Config, 'CORS_ORIGINS'>) =>
  cors({
    origin: [...config.CORS_ORIGINS],
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  });
