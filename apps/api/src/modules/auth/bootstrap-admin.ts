import type { Config } from '../../config';
import { isUniqueViolation } from '../../db/constraint-errors';
import type { Db } from '../../db/client';
import type { Logger } from '../../platform/logger';
import { hashPassword } from '../../platform/password';
import { findUserByEmail, insertUser } from '../users/users.repo';

/** ADMIN_EMAIL/ADMIN_PASSWORD: the first admin, created once at start-up. */
export const ensureBootstrapAdmin = async ({
  db,
  config,
  logger,
}: {
  db: Db;
  config: Pick<Config, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>;
  logger: Logger;
}): Promise<void> => {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = config;
  if (!email || !password) return;
  const normalised = email.trim().toLowerCase();
  const existing = await findUserByEmail(db, normalised);
  if (existing) {
    if (existing.role !== 'admin') {
      logger.warn('ADMIN_EMAIL belongs to an existing non-admin account; it was left unchanged');
    }
    return;
  }
  try {
    await insertUser(db, {
      email: normalised,
      passwordHash: await hashPassword(password),
      role: 'admin',
      firstName: 'LocalKart',
      lastName: 'Admin',
      isVerified: true,
    });
    logger.info('bootstrap admin account created');
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if (!isUniqueViolation(error)) throw error;
  }
};
