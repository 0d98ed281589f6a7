import { fileURLToPath } from 'node:url';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './client';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies every migration not yet applied; safe to run again and from several processes. */
export const migrateDatabase = (database: Database): Promise<void> =>
  database.withMigrationLock((db) =>
    database.kind === 'pglite'
      ? migratePglite(db as unknown as PgliteDatabase, { migrationsFolder })
      : migrateNodePostgres(db as unknown as NodePgDatabase, { migrationsFolder }),
  );
