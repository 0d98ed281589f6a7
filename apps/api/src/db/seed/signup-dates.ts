import { hashOf } from './hash';

const DAY_MS = 86_400_000;
/** Sign-ups spread evenly over the last half year, so the dashboard's sign-up chart has a history. */
const SIGNUP_SPAN_DAYS = 180;

/**
 * When the demo account with `email` signed up: a moment in the half year before `today`, the
 * same for the same e-mail and day. Its bookings all come after it.
 */
export const signupDateOf = (email: string, today: Date): Date => {
  const hash = hashOf(`signup:${email}`);
  const daysAgo = 1 + (hash % SIGNUP_SPAN_DAYS);
  const minuteOfDay = (hash >>> 8) % 1440;
  return new Date(today.getTime() - daysAgo * DAY_MS + (minuteOfDay - 720) * 60_000);
};
