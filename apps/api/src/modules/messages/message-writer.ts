import { v7 as timeOrderedId } from 'uuid';
import type { Db } from '../../db/client';
import { insertMessages, type MessageRow, type MessageToStore } from './messages.repo';

type Pending = {
  row: MessageToStore;
  resolve: (stored: MessageRow | undefined) => void;
  reject: (error: unknown) => void;
};

/** Enough rows for one statement to stay well inside PostgreSQL's 65,535 bind parameters. */
const MAX_BATCH = 500;

/**
 * Stores the text messages that arrive together with one INSERT and one commit (group commit).
 * Every commit waits for PostgreSQL's WAL flush; one per message capped a process at a few
 * hundred messages a second however many connections it had. A message is still stored before
 * anyone hears of it: callers wait for their batch's commit. The first message after a quiet
 * spell goes at once; those that arrive while a batch is being written go in the next one.
 * Ids are time-ordered (UUIDv7, monotonic in this process): messages of one batch can share a
 * `created_at` tick, and the id then keeps them in the order they were sent.
 */
export const createMessageWriter = (db: Db) => {
  let queue: Pending[] = [];
  let writing = false;

  const settle = async (batch: Pending[]) => {
    try {
      const stored = new Map(
        (
          await insertMessages(
            db,
            batch.map((item) => item.row),
          )
        ).map((row) => [row.id, row]),
      );
      for (const item of batch) item.resolve(stored.get(item.row.id));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad row (its booking deleted meanwhile) must not fail the others: each on its own,
      // one after another, so they are still stored in the order they were sent.
      for (const item of batch) await settle([item]);
    }
  };

  const drain = async () => {
    writing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.length <= MAX_BATCH ? queue : queue.slice(0, MAX_BATCH);
        queue = queue.length <= MAX_BATCH ? [] : queue.slice(MAX_BATCH);
        await settle(batch);
      }
    } finally {
      writing = false;
    }
  };

  return {
    /** Stores the message; undefined when the sender already stored one under its client id. */
    insert: (row: Omit<MessageToStore, 'id'>): Promise<MessageRow | undefined> =>
      new Promise((resolve, reject) => {
        queue.push({ row: { ...row, id: timeOrderedId() }, resolve, reject });
        if (!writing) void drain();
      }),
  };
};

export type MessageWriter = ReturnType<typeof createMessageWriter>;
