import { and, desc, eq } from 'drizzle-orm';
import { adminAuditLog } from '../../db/schema/audit';
import { insertTestUser, signIn } from '../../test-support/accounts';
import type { TestApp } from '../../test-support/test-app';
import type { SignedIn } from '../providers/provider-test-support';

/** An admin account, signed in through the API. */
export const signedInAdmin = async (app: TestApp): Promise<SignedIn> => {
  const user = await insertTestUser(app, { role: 'admin' });
  const session = await signIn(app, user.email);
  return { userId: user.id, token: session.accessToken, email: user.email };
};

/** The audit entries about one target, newest first. */
export const auditOf = (app: TestApp, targetType: string, targetId: string) =>
  app.runtime.database.db
    .select()
    .from(adminAuditLog)
    .where(and(eq(adminAuditLog.targetType, targetType), eq(adminAuditLog.targetId, targetId)))
    .orderBy(desc(adminAuditLog.createdAt));
