import { useState } from 'react';

/** randomUUID exists only in secure contexts; a LAN address over http still gets a random key. */
export const newKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/**
 * One key for the life of a form: a double click or a retry after a lost response sends the same
 * key, and the API replays the first answer instead of acting twice. `renew` after a success.
 */
export const useIdempotencyKey = () => {
  const [key, setKey] = useState(newKey);
  return { key, renew: () => setKey(newKey()) };
};
