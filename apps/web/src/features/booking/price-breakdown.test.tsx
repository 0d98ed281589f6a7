import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { TBookingQuote } from '@localkart/contracts/bookings';
import { en } from '../../i18n/en';
import { PriceBreakdown } from './price-breakdown';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
});

const quote = (overrides: {
  pricing?: Partial<TBookingQuote['pricing']>;
  policy?: Partial<TBookingQuote['cancellationPolicy']>;
  hours?: number;
}): TBookingQuote => ({
  providerId: '0b6f4a52-8a0c-4a55-9f39-1f1f6b1f2d11',
  service: {
    serviceId: null,
    category: 'cleaning',
    subcategory: 'deep-cleaning',
    title: 'Deep cleaning',
    estimatedDuration: overrides.hours ?? 3,
  },
  schedule: {
    timeZone: 'Asia/Kolkata',
    startsAt: '2026-12-01T04:30:00.000Z',
    endsAt: '2026-12-01T07:30:00.000Z',
  },
  pricing: {
    unit: 'hour',
    unitPricePaise: 45_000,
    basePricePaise: 135_000,
    additionalChargesPaise: 0,
    totalAmountPaise: 135_000,
    currency: 'INR',
    ...overrides.pricing,
  },
  cancellationPolicy: {
    freeCancellationHours: 4,
    feeBps: 2000,
    freeUntil: '2026-12-01T00:30:00.000Z',
    feeIfCancelledNowPaise: 0,
    summary: 'Free until 4 h before',
    ...overrides.policy,
  },
  slotFree: true,
});

const show = (value: TBookingQuote) =>
  render(
    <I18nextProvider i18n={i18n}>
      <PriceBreakdown quote={value} />
    </I18nextProvider>,
  );

afterEach(cleanup);

describe('PriceBreakdown', () => {
  it('when a service is priced by the hour, then the line shows rate × hours and the total', () => {
    show(quote({}));
    expect(screen.getByText('₹450 × 3 h')).toBeTruthy();
    expect(screen.getByTestId('quote-total').textContent).toBe('₹1,350');
    expect(screen.queryByText('Extra work')).toBeNull();
  });

  it('when a job has extra charges, then they get their own line and count in the total', () => {
    show(
      quote({
        pricing: {
          unit: 'service',
          unitPricePaise: 40_000,
          basePricePaise: 40_000,
          additionalChargesPaise: 15_000,
          totalAmountPaise: 55_000,
        },
      }),
    );
    expect(screen.getByText('per job')).toBeTruthy();
    expect(screen.getByText('Extra work').nextElementSibling?.textContent).toBe('₹150');
    expect(screen.getByTestId('quote-total').textContent).toBe('₹550');
  });

  it('when cancelling late costs a fee, then the policy says until when it is free and what is kept', () => {
    show(quote({}));
    const policy = screen.getByText(/Free cancellation until/).textContent ?? '';
    expect(policy).toContain('(4 h before)');
    expect(policy).toContain('20% of the total is kept');
  });

  it('when there is no fee, then cancelling is free at any time', () => {
    show(quote({ policy: { feeBps: 0 } }));
    expect(screen.getByText('Free cancellation at any time.')).toBeTruthy();
  });
});
