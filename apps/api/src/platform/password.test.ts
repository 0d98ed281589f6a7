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
});
