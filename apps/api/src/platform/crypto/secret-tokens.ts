import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: refresh tokens and e-mailed single-use links. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps instead of the token: a leaked table grants nothing. */
export const hashSecretToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
