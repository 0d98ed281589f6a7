import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccessTokens, InvalidAccessTokenError } from './access-tokens';

const tokens = () =>
  createAccessTokens({
    JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256-0123456789',
    APP_URL: 'http://localhost:3000',
    ACCESS_TOKEN_TTL_SECONDS: 60,
  });
const subject = {
  userId: '7b0c1d7e-3f43-4c55-9d8e-4b0a4c1f2a11',
  email: 'a@b.in',
  role: 'customer' as const,
};

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof InvalidAccessTokenError ? error.reason : 'other'),
  );

describe('access tokens', () => {
  afterEach(() => vi.useRealTimers());

  it('when a token was verified once and then expires, then it is refused as expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const access = tokens();
    const token = await access.sign(subject);
    expect((await access.verify(token)).userId).toBe(subject.userId);
    expect((await access.verify(token)).userId).toBe(subject.userId);

    vi.setSystemTime(Date.now() + 61_000);
    expect(await reasonOf(access.verify(token))).toBe('expired');
    expect(await reasonOf(access.verify(token))).toBe('expired');
  });

  it('when a verified token is altered by one character, then the altered one is refused', async () => {
    const access = tokens();
    const token = await access.sign(subject);
    await access.verify(token);
    // Not the last character: its low bits are base64url padding and may decode the same.
    const at = token.length - 10;
    const altered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    expect(await reasonOf(access.verify(altered))).toBe('invalid');
  });

  it('when another secret signed the token, then it is refused even after a valid one was seen', async () => {
    const access = tokens();
    await access.verify(await access.sign(subject));
    const foreign = await createAccessTokens({
      JWT_SECRET: 'another-secret-that-is-long-enough-for-hs256-9876543210',
      APP_URL: 'http://localhost:3000',
      ACCESS_TOKEN_TTL_SECONDS: 60,
    }).sign(subject);
    expect(await reasonOf(access.verify(foreign))).toBe('invalid');
  });
});
