import { describe, expect, it } from 'vitest';
import { ZBookingStatus } from '@localkart/contracts/bookings';
import { canForceCancel } from './booking-status';

describe('canForceCancel', () => {
  it('when a booking has not started, then an admin may force-cancel it', () => {
    expect(canForceCancel('pending')).toBe(true);
    expect(canForceCancel('confirmed')).toBe(true);
  });

  it('when a booking is under way or over, then it is not offered', () => {
    expect(ZBookingStatus.options.filter((status) => canForceCancel(status)).sort()).toEqual([
      'confirmed',
      'pending',
    ]);
  });
});
