import pg from 'pg';

/**
 * True for an error the server reported about one statement (a constraint, a deadlock, a
 * statement timeout): the session is intact and ready for the next query. FATAL and PANIC
 * errors end the session, and errors raised on our side (a read timeout) may leave a query
 * running, so those connections must go.
 */
const leftSessionReady = (error: unknown): boolean =>
  error instanceof pg.DatabaseError && error.severity === 'ERROR';

/**
 * A node-postgres pool whose `query` keeps the connection after a statement the server refused.
 * The stock `Pool.query` discards the connection after any failed query, so every refusal costs
 * a new backend and re-preparing each named statement on it: 200 customers racing for one slot
 * meant 199 reconnections, which on a loaded machine starved the pool for a minute.
 */
export const createPool = (config: pg.PoolConfig): pg.Pool => {
  const pool = new pg.Pool(config);
  const query = async (text: string | pg.QueryConfig, values?: unknown[]) => {
    const client = await pool.connect();
    // Checked out, the connection is no longer heard by the pool; an 'error' event nobody
    // listens to would crash the process. pg also fails the running query with that error.
    let lost: Error | undefined;
    const onLost = (error: Error) => (lost = error);
    client.once('error', onLost);
    try {
      const result = await client.query(text, values);
      client.removeListener('error', onLost);
      client.release(lost);
      return result;
    } catch (error) {
      client.removeListener('error', onLost);
      client.release(lost ?? (leftSessionReady(error) ? undefined : (error as Error)));
      throw error;
    }
  };
  // The callback forms of `query` are not offered: Drizzle and this code only await it.
  pool.query = query as unknown as pg.Pool['query'];
  return pool;
};
