import type { Db } from './client';

/**
 * Work a caller adds to a change's transaction (an audit entry, say): run after the change is
 * written and before the commit, so if it fails the change is rolled back with it.
 */
export type Within<Change> = { within?: (tx: Db, change: Change) => Promise<void> };
