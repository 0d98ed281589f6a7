import { describe, expect, it } from 'vitest';
import { loggableUrl } from './request-logging';

describe('request log URLs', () => {
  it('when a URL carries a credential in its query, then the value is redacted', () => {
    expect(loggableUrl('/api/auth/oidc/callback?code=s3cret&state=abc')).toBe(
      '/api/auth/oidc/callback?code=[redacted]&state=abc',
    );
  });

  it('when the path itself is a single-use secret, then that segment is redacted', () => {
    expect(loggableUrl('/api/auth/verify-email/abcdefghijklmnopqrstuvwxyz012345')).toBe(
      '/api/auth/verify-email/[redacted]',
    );
  });

  it('when a URL carries nothing secret, then it is logged as it is', () => {
    expect(loggableUrl('/api/search/providers?category=plumbing&state=KA')).toBe(
      '/api/search/providers?category=plumbing&state=KA',
    );
  });
});
