/**
 * How often open booking screens re-read their bookings, so a status change made by the other
 * party shows up without a reload.
 */
export const LIVE_POLL_MS = 5_000;
