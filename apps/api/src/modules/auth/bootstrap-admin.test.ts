import { eq } from 'drizzle-orm';
import request from 'supertest';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/users';
import { insertTestUser, uniqueEmail } from '../../test-support/accounts';
import { quietLogger } from '../../test-support/redis-for-tests';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { ensureBootstrapAdmin } from './bootstrap-admin';

const ADMIN_EMAIL = 'ops.admin@localkart.in';
const ADMIN_PASSWORD = 'Bootstrap-Admin-2026';

let app: TestApp;

beforeAll(async () => {
  // As `npm start` would configure it; the config parser checks the pair.
  app = await startTestApp({ env: { ADMIN_EMAIL, ADMIN_PASSWORD } });
});
afterAll(() => app.close());

const db = () => app.runtime.database.db;
const accountsWith = (email: string) =>
  db()
    .select({
      role: users.role,
      isVerified: users.isVerified,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.email, email));

/** A real pino logger whose lines are kept for the test to read. */
const capturingLogger = () => {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  return { logger, warnings: () => lines.filter((line) => line.level === 40) };
};

describe('bootstrap admin', () => {
  it('when ADMIN_EMAIL and ADMIN_PASSWORD are set, then one verified admin is created, start-up after start-up, and it can sign in', async () => {
    const options = { db: db(), config: app.runtime.config, logger: quietLogger };
    await ensureBootstrapAdmin(options);
    const [created] = await accountsWith(ADMIN_EMAIL);
    await ensureBootstrapAdmin(options);

    const rows = await accountsWith(ADMIN_EMAIL);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'admin', isVerified: true });
    expect(rows[0]?.passwordHash).toBe(created?.passwordHash);

    const res = await request(app.url)
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.data.user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
  });

  it('when two instances start at the same moment, then there is still exactly one admin', async () => {
    const email = uniqueEmail('admin');
    const config = { ADMIN_EMAIL: email, ADMIN_PASSWORD };
    await Promise.all([
      ensureBootstrapAdmin({ db: db(), config, logger: quietLogger }),
      ensureBootstrapAdmin({ db: db(), config, logger: quietLogger }),
    ]);
    expect(await accountsWith(email)).toHaveLength(1);
  });

  it('when ADMIN_EMAIL belongs to an existing customer, then that account is left as it is and a warning is logged', async () => {
    const customer = await insertTestUser(app);
    const { logger, warnings } = capturingLogger();
    await ensureBootstrapAdmin({
      db: db(),
      config: { ADMIN_EMAIL: customer.email.toUpperCase(), ADMIN_PASSWORD },
      logger,
    });
    const rows = await accountsWith(customer.email);
    expect(rows).toEqual([
      { role: 'customer', isVerified: false, passwordHash: customer.passwordHash },
    ]);
    expect(warnings()).toEqual([
      expect.objectContaining({ msg: expect.stringMatching(/non-admin/) }),
    ]);
  });

  it('when the variables are unset, then no admin is created', async () => {
    const before = await db().select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
    await ensureBootstrapAdmin({ db: db(), config: {}, logger: quietLogger });
    const after = await db().select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
    expect(after).toHaveLength(before.length);
  });
});
