import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBlindIndex, createFieldEncryption } from './field-encryption';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('field encryption', () => {
  it('when a value is encrypted, then it decrypts to the same and the ciphertext hides it', () => {
    const crypto = createFieldEncryption([key('k1')]);
    const field = crypto.encrypt('+919876543210');
    expect(field.keyId).toBe('k1');
    expect(field.ciphertext).not.toContain('9876543210');
    expect(crypto.decrypt(field)).toBe('+919876543210');
  });

  it('when the same value is encrypted twice, then the ciphertexts differ (fresh IV)', () => {
    const crypto = createFieldEncryption([key('k1')]);
    expect(crypto.encrypt('same').ciphertext).not.toBe(crypto.encrypt('same').ciphertext);
  });

  it('when keys rotate, then old ciphertexts still decrypt and new ones use the new key', () => {
    const old = key('k1');
    const before = createFieldEncryption([old]).encrypt('+919812345678');
    const rotated = createFieldEncryption([key('k2'), old]);
    expect(rotated.decrypt(before)).toBe('+919812345678');
    expect(rotated.encrypt('x').keyId).toBe('k2');
  });

  it('when a ciphertext is tampered with, then decryption fails', () => {
    const crypto = createFieldEncryption([key('k1')]);
    const field = crypto.encrypt('+919876543210');
    const [iv, tag, body] = field.ciphertext.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      crypto.decrypt({ ...field, ciphertext: [iv, tag, flipped.toString('base64')].join('.') }),
    ).toThrow();
  });

  it('when the blind index is computed, then equal values match and the key matters', () => {
    const index = createBlindIndex('a'.repeat(32));
    expect(index('+919876543210')).toBe(index('+919876543210'));
    expect(index('+919876543210')).not.toBe(createBlindIndex('b'.repeat(32))('+919876543210'));
  });
});
