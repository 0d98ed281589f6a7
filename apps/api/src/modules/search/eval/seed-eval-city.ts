import { users } from '../../../db/schema/users';
import { demoUser } from '../../../db/seed/demo-users';
import { demoCities, loadDemoLocalities } from '../../../db/seed/india-post';
import { seededRandom } from '../../../db/seed/random';
import { seedDemoProviders } from '../../../db/seed/seed-providers';
import type { Runtime } from '../../../runtime';

/** The eval's fixed scale and seed: every run builds the same providers. */
export const EVAL_SEED = 2026;
export const EVAL_USERS = 1500;
/** Wednesday 3 June 2026, 10:00 in Asia/Kolkata: what "today" and "this evening" mean. */
export const EVAL_NOW = new Date('2026-06-03T04:30:00Z');
/** Demo leave falls 5–37 days after this: all of it is over before EVAL_NOW. */
const SEED_TODAY = new Date('2026-03-01T00:00:00Z');

/**
 * The demo seed's own functions, with every user placed in Bengaluru: the 300-user demo has only
 * a handful of providers per city, too few to judge a ranking by.
 */
export const seedEvalCity = async ({ database, phones }: Pick<Runtime, 'database' | 'phones'>) => {
  const all = loadDemoLocalities();
  const bengaluru = all.get(demoCities.find((city) => city.name === 'Bengaluru')!)!;
  const localities = new Map(demoCities.map((city) => [city, bengaluru]));
  const random = seededRandom(EVAL_SEED);
  const rows = Array.from({ length: EVAL_USERS }, (_, i) =>
    demoUser(i + 1, { random, localities, passwordHash: 'not-a-login', phones }),
  );
  for (let start = 0; start < rows.length; start += 500)
    await database.db.insert(users).values(rows.slice(start, start + 500));
  return seedDemoProviders(database.db, { randomSeed: EVAL_SEED, today: SEED_TODAY });
};
