import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('when the right password is given, then it verifies; a wrong one does not', async () => {
    const hash = await hashPassword('Mistri@2026');
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(await verifyPassword('Mistri@2026', hash)).toBe(true);
    expect(await verifyPassword('mistri@2026', hash)).toBe(false);
  });

  it('when the same password is hashed twice, then the salts differ', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('when the stored value is not a scrypt PHC string, then verification fails closed', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
  });

  it('when a burst of hashes is running, then other thread-pool work (signing a JWT) does not wait for them', async () => {
    // libuv's pool has 4 threads; 4 hashes at once used to take all of them.
    const key = await webcrypto.subtle.importKey(
      'raw',
      new Uint8Array(32),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const started = performance.now();
    const burst = Promise.all(['a', 'b', 'c', 'd'].map((password) => hashPassword(password)));
    await webcrypto.subtle.sign('HMAC', key, new Uint8Array(64));
    const signMs = performance.now() - started;
    const hashes = await burst;
    const burstMs = performance.now() - started;

    expect(new Set(hashes).size).toBe(4);
    expect(await verifyPassword('c', hashes[2]!)).toBe(true);
    expect(
      signMs,
      `signing took ${signMs.toFixed(0)} ms of the ${burstMs.toFixed(0)} ms burst`,
    ).toBeLessThan(burstMs / 4);
  });
});
