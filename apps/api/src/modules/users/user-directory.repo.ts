import { and, asc, count, desc, eq, gte, ilike, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/users';

/** What the admin's user list shows: no password hash, no phone ciphertext. */
const listColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  firstName: users.firstName,
  lastName: users.lastName,
  city: users.city,
  isActive: users.isActive,
  isVerified: users.isVerified,
  createdAt: users.createdAt,
};
export type DirectoryRow = {
  [K in keyof typeof listColumns]: (typeof users.$inferSelect)[K];
};

export type DirectoryFilter = {
  q?: string | undefined;
  role?: 'customer' | 'provider' | 'admin' | undefined;
  active?: boolean | undefined;
  verified?: boolean | undefined;
  /** Calendar dates in `timeZone`, both included. */
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  timeZone: string;
};

/** `%`, `_` and `\` typed by an admin are matched literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const whereOf = (filter: DirectoryFilter) => {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    pattern
      ? or(
          ilike(users.email, pattern),
          ilike(users.firstName, pattern),
          ilike(users.lastName, pattern),
          ilike(sql`${users.firstName} || ' ' || ${users.lastName}`, pattern),
        )
      : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.active === undefined ? undefined : eq(users.isActive, filter.active),
    filter.verified === undefined ? undefined : eq(users.isVerified, filter.verified),
    filter.createdFrom
      ? gte(
          users.createdAt,
          sql`(${filter.createdFrom}::date)::timestamp AT TIME ZONE ${filter.timeZone}`,
        )
      : undefined,
    filter.createdTo
      ? lt(
          users.createdAt,
          sql`((${filter.createdTo}::date + 1)::timestamp AT TIME ZONE ${filter.timeZone})`,
        )
      : undefined,
  );
};

export type DirectorySort = { sort: 'createdAt' | 'email' | 'name'; order: 'asc' | 'desc' };

const orderOf = ({ sort, order }: DirectorySort): SQL[] => {
  const direction = order === 'asc' ? asc : desc;
  const keys =
    sort === 'email'
      ? [users.email]
      : sort === 'name'
        ? [users.lastName, users.firstName]
        : [users.createdAt];
  // The id breaks ties, so pages never repeat or skip a user.
  return [...keys.map((key) => direction(key)), direction(users.id)];
};

export const searchUsers = (
  db: Db,
  filter: DirectoryFilter,
  sort: DirectorySort,
  { limit, offset }: { limit: number; offset: number },
): Promise<DirectoryRow[]> =>
  db
    .select(listColumns)
    .from(users)
    .where(whereOf(filter))
    .orderBy(...orderOf(sort))
    .limit(limit)
    .offset(offset);

export const countUsers = async (db: Db, filter: DirectoryFilter): Promise<number> => {
  const [row] = await db.select({ total: count() }).from(users).where(whereOf(filter));
  return row?.total ?? 0;
};

/** Active admins other than `exceptId`: the last admin may not be demoted or suspended. */
export const countOtherActiveAdmins = async (db: Db, exceptId: string): Promise<number> => {
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true), ne(users.id, exceptId)));
  return row?.total ?? 0;
};

/** Locks every active admin's row, so two admins demoting each other cannot both succeed. */
export const lockActiveAdmins = async (db: Db): Promise<void> => {
  await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true)))
    .for('update');
};
