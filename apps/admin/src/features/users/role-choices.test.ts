import { describe, expect, it } from 'vitest';
import { roleChoices } from './role-choices';

const provider = { id: 'p', businessName: 'Asha Electricals', isVerified: true, isActive: true };

describe('roleChoices', () => {
  it('when a customer has no provider profile, then only admin is offered', () => {
    expect(roleChoices({ id: 'u', role: 'customer', provider: null }, 'me')).toEqual(['admin']);
  });

  it('when a customer has a provider profile, then provider is offered too', () => {
    expect(roleChoices({ id: 'u', role: 'customer', provider }, 'me')).toEqual([
      'provider',
      'admin',
    ]);
  });

  it('when an admin has no provider profile, then customer is offered', () => {
    expect(roleChoices({ id: 'u', role: 'admin', provider: null }, 'me')).toEqual(['customer']);
  });

  it('when a provider has its profile, then it keeps its role', () => {
    expect(roleChoices({ id: 'u', role: 'provider', provider }, 'me')).toEqual([]);
  });

  it('when the user is the signed-in admin, then nothing is offered', () => {
    expect(roleChoices({ id: 'me', role: 'admin', provider: null }, 'me')).toEqual([]);
  });
});
