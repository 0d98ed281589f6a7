import { describe, expect, it } from 'vitest';
import { assertCanAccess } from './ownership';

const customer = { userId: 'c1', email: 'c@x.in', role: 'customer' as const };
const admin = { userId: 'a1', email: 'a@x.in', role: 'admin' as const };

describe('object-level access', () => {
  it('when the caller is one of the owners, then access is allowed', () => {
    expect(() => assertCanAccess(customer, ['p1', 'c1'])).not.toThrow();
  });

  it('when the caller is an admin, then access is allowed', () => {
    expect(() => assertCanAccess(admin, ['p1', 'c1'])).not.toThrow();
  });

  it('when the caller is anyone else, then it is a 404 NOT_FOUND, not a 403', () => {
    expect(() => assertCanAccess(customer, ['p1', null])).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
