import { eq, inArray, sql } from 'drizzle-orm';
import { preparedPer, type Db } from '../../db/client';
import { users } from '../../db/schema/users';

/** Every column a service may need; password hash included, so never send a row as is. */
const userColumns = {
  id: users.id,
  email: users.email,
  passwordHash: users.passwordHash,
  role: users.role,
  firstName: users.firstName,
  lastName: users.lastName,
  phoneCiphertext: users.phoneCiphertext,
  phoneKeyId: users.phoneKeyId,
  avatarKey: users.avatarKey,
  language: users.language,
  timeZone: users.timeZone,
  address: users.address,
  city: users.city,
  state: users.state,
  pincode: users.pincode,
  latitude: users.latitude,
  longitude: users.longitude,
  isVerified: users.isVerified,
  isActive: users.isActive,
  tokensValidAfter: users.tokensValidAfter,
  createdAt: users.createdAt,
};

export type UserRow = {
  [K in keyof typeof userColumns]: (typeof users.$inferSelect)[K];
};
export type NewUserRow = typeof users.$inferInsert;
export type UserPatch = Partial<Omit<NewUserRow, 'id' | 'createdAt'>>;

export const insertUser = async (db: Db, row: NewUserRow): Promise<UserRow> => {
  const [inserted] = await db.insert(users).values(row).returning(userColumns);
  return inserted!;
};

export const findUserById = async (db: Db, id: string): Promise<UserRow | undefined> => {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row;
};

/** The columns the auth guard reads. */
const accessColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  isActive: users.isActive,
  tokensValidAfter: users.tokensValidAfter,
};

// One named statement per database: every authenticated request runs it.
const accessLookup = preparedPer((db) =>
  db
    .select(accessColumns)
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('user_access'),
);

/** What the auth guard checks on every request: who, which role, and whether still admitted. */
export const findUserAccess = async (db: Db, id: string) => {
  const [row] = await accessLookup(db).execute({ id });
  return row;
};

/** Ids per query of `findUsersAccess`: well inside PostgreSQL's 65,535 bind parameters. */
const ACCESS_BATCH = 1000;

/** `findUserAccess` for many users, one query per 1,000; unknown ids are simply absent. */
export const findUsersAccess = async (db: Db, ids: string[]) => {
  const rows = [];
  for (let start = 0; start < ids.length; start += ACCESS_BATCH) {
    const batch = ids.slice(start, start + ACCESS_BATCH);
    rows.push(...(await db.select(accessColumns).from(users).where(inArray(users.id, batch))));
  }
  return rows;
};

export const findUserByEmail = async (db: Db, email: string): Promise<UserRow | undefined> => {
  const [row] = await db.select(userColumns).from(users).where(eq(users.email, email));
  return row;
};

export const updateUser = async (
  db: Db,
  id: string,
  patch: UserPatch,
): Promise<UserRow | undefined> => {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning(userColumns);
  return row;
};

/** The user's row, locked until the transaction `db` belongs to ends. */
export const lockUserById = async (db: Db, id: string): Promise<UserRow | undefined> => {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id)).for('update');
  return row;
};
