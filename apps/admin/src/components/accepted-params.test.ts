import { describe, expect, it } from 'vitest';
import { ZAdminBookingsQuery, ZAdminUsersQuery } from '@localkart/contracts/admin';
import { acceptedParams, appliedSort } from './accepted-params';

describe('acceptedParams', () => {
  it('when values fit the contract, then they come back parsed', () => {
    expect(
      acceptedParams(ZAdminUsersQuery.shape, ['q', 'role', 'active', 'createdFrom'], {
        q: ' asha ',
        role: 'provider',
        active: 'false',
        createdFrom: '2026-01-31',
      }),
    ).toEqual({ q: 'asha', role: 'provider', active: false, createdFrom: '2026-01-31' });
  });

  it('when a value does not fit (an edited address), then only that one is left out', () => {
    expect(
      acceptedParams(ZAdminBookingsQuery.shape, ['status', 'customerId', 'city', 'sort'], {
        status: 'lost',
        customerId: 'not-a-uuid',
        city: 'Pune',
        sort: 'total',
      }),
    ).toEqual({ city: 'Pune', sort: 'total' });
  });

  it('when a filter is unset, then it stays unset (the API default applies)', () => {
    expect(acceptedParams(ZAdminUsersQuery.shape, ['sort', 'order'], {})).toEqual({});
  });
});

describe('appliedSort', () => {
  it('when the address names no sort, then the contract defaults are the sort shown', () => {
    const { shape } = ZAdminBookingsQuery;
    expect(appliedSort(shape, {})).toEqual({
      key: shape.sort.parse(undefined),
      order: shape.order.parse(undefined),
    });
  });

  it('when the address names a sort and order, then they are the sort shown', () => {
    expect(appliedSort(ZAdminUsersQuery.shape, { sort: 'email', order: 'asc' })).toEqual({
      key: 'email',
      order: 'asc',
    });
  });
});
