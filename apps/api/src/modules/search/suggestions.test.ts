import { eq, sql, TransactionRollbackError, type SQL } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSearchSuggestion } from '@localkart/contracts/search-suggestions';
import { queryRows } from '../../db/client';
import { providers, providerServiceAreas, providerServices } from '../../db/schema/providers';
import { searchTerms } from '../../db/schema/search';
import { serviceCategories } from '../../db/schema/taxonomy';
import { users } from '../../db/schema/users';
import { insertTestUser } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { suggestedProvidersSql, suggestedTermsSql } from './suggestions.repo';

describe('GET /api/search/suggestions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  const db = () => app.runtime.database.db;

  /** A listed provider (active, one service, one area) with the given AI skills. */
  const insertProvider = async (businessName: string, skills: string[]) => {
    const owner = await insertTestUser(app, { role: 'provider', passwordHash: null });
    return db().transaction(async (tx) => {
      const [row] = await tx
        .insert(providers)
        .values({
          userId: owner.id,
          businessName,
          aiGeneratedProfile: { summary: '', skills, experience: '', specialties: [] },
        })
        .returning({ id: providers.id });
      const providerId = row!.id;
      await tx.insert(providerServices).values({
        providerId,
        categorySlug: 'plumbing',
        subcategorySlug: 'tap-repair',
        title: 'Tap repair',
        basePricePaise: 29_900,
        unit: 'service',
      });
      await tx.insert(providerServiceAreas).values({
        providerId,
        city: 'Bengaluru',
        radiusKm: 5,
        latitude: 12.93,
        longitude: 77.62,
      });
      return { providerId, userId: owner.id };
    });
  };

  const suggest = async (q: string, extra: Record<string, string> = {}) => {
    const res = await request(app.url)
      .get('/api/search/suggestions')
      .query({ q, ...extra })
      .expect(200);
    expect(res.body.success).toBe(true);
    return res.body.data.suggestions as TSearchSuggestion[];
  };

  const skillWeight = async (term: string) => {
    const [row] = await db()
      .select({ weight: searchTerms.weight })
      .from(searchTerms)
      .where(sql`${searchTerms.kind} = 'skill' AND ${searchTerms.term} = ${term}`);
    return row?.weight ?? 0;
  };

  it('when the start of a category is typed, then that category comes first', async () => {
    const [first] = await suggest('plu');
    expect(first).toMatchObject({ kind: 'category', categorySlug: 'plumbing', label: 'Plumbing' });
  });

  it('when a word is misspelt, then the category is still found', async () => {
    for (const [typo, slug] of [
      ['electrisian', 'electrical'],
      ['plumbng', 'plumbing'],
    ] as const) {
      const found = await suggest(typo);
      expect(found.slice(0, 3)).toContainEqual(
        expect.objectContaining({ kind: 'category', categorySlug: slug }),
      );
    }
  });

  it('when Hindi is typed, then the category is offered under its Hindi name', async () => {
    const nal = await suggest('नल');
    expect(nal[0]).toMatchObject({ kind: 'category', categorySlug: 'plumbing', label: 'प्लंबिंग' });
    const bijli = await suggest('बिजली');
    expect(bijli[0]).toMatchObject({ kind: 'category', categorySlug: 'electrical' });
    expect(bijli[0]?.label).toMatch(/[\u0900-\u097F]/u);
  });

  it('when Hinglish is typed, then the category is offered under its English name', async () => {
    const [bijli] = await suggest('bijli');
    expect(bijli).toMatchObject({
      kind: 'category',
      categorySlug: 'electrical',
      label: 'Electrical',
    });
    const nal = await suggest('nal');
    expect(nal[0]).toMatchObject({ kind: 'category', categorySlug: 'plumbing', term: 'nal' });
    // Synonyms of one category ("nal", "nal wala", "नल वाला") do not fill the list.
    expect(nal.filter((s) => s.kind === 'category' && s.categorySlug === 'plumbing')).toHaveLength(
      1,
    );
  });

  it('when a business name is typed, even misspelt, then the provider is offered', async () => {
    const { providerId } = await insertProvider('Zorawar Sanitary Solutions', []);
    for (const q of ['zoraw', 'sanitary sol', 'zorawer sanitary']) {
      expect(await suggest(q)).toContainEqual({
        kind: 'provider',
        label: 'Zorawar Sanitary Solutions',
        term: 'zorawar sanitary solutions',
        providerId,
      });
    }
  });

  it('when providers list a skill, then it is suggested, weighted by how many list it', async () => {
    const first = await insertProvider('Quixote Water Works', [
      'Geyser descaling',
      'Tank cleaning',
    ]);
    await insertProvider('Ulka Home Services', ['geyser descaling']);
    expect(await skillWeight('geyser descaling')).toBe(2);
    expect(await suggest('geyser desc')).toContainEqual(
      expect.objectContaining({ kind: 'skill', term: 'geyser descaling', q: 'Geyser descaling' }),
    );

    // Deactivating an account, or editing the profile, recounts in the same transaction.
    await db().update(users).set({ isActive: false }).where(eq(users.id, first.userId));
    expect(await skillWeight('geyser descaling')).toBe(1);
    await db()
      .update(providers)
      .set({ aiGeneratedProfile: { summary: '', skills: [], experience: '', specialties: [] } })
      .where(eq(providers.userId, (await insertProvider('Vayu Fixers', ['Descaling pro'])).userId));
    expect(await skillWeight('descaling pro')).toBe(0);
  });

  it('when an admin adds a synonym, then it can be suggested at once', async () => {
    await db()
      .update(serviceCategories)
      .set({ synonyms: sql`array_append(${serviceCategories.synonyms}, 'jalnirodhak')` })
      .where(eq(serviceCategories.slug, 'waterproofing'));
    const [first] = await suggest('jalnirodh');
    expect(first).toMatchObject({ kind: 'category', categorySlug: 'waterproofing' });
  });

  it('when many things match, then at most 10 come back, and fewer when asked', async () => {
    expect(await suggest('repair')).toHaveLength(10);
    expect(await suggest('repair', { limit: '50' })).toHaveLength(10);
    expect(await suggest('repair', { limit: '3' })).toHaveLength(3);
    expect(await suggest('p')).not.toHaveLength(0);
  });

  it('when q is empty, blank or too long, then 400 VALIDATION_ERROR in the envelope', async () => {
    for (const q of [undefined, '', '   ', 'x'.repeat(101)]) {
      const res = await request(app.url)
        .get('/api/search/suggestions')
        .query(q === undefined ? {} : { q })
        .expect(400);
      expect(res.body).toMatchObject({
        success: false,
        error: { code: 'VALIDATION_ERROR', details: [expect.objectContaining({ path: 'q' })] },
      });
    }
  });

  it('when an unknown parameter is sent, then 400 VALIDATION_ERROR', async () => {
    const res = await request(app.url)
      .get('/api/search/suggestions')
      .query({ q: 'plumber', category: 'plumbing' })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('when LIKE wildcards are typed, then they match themselves only', async () => {
    expect(await suggest('%')).toEqual([]);
    expect(await suggest('_')).toEqual([]);
  });

  it('when the plans are explained, then every lookup goes through an index', async () => {
    /** The plan with sequential scans off, after `setup` (all rolled back with the plan). */
    const planOf = async (query: SQL, setup: SQL[] = []) => {
      let plan = '';
      await db()
        .transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL enable_seqscan = off`);
          for (const statement of setup) await tx.execute(statement);
          const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN ${query}`);
          plan = rows.map((row) => row['QUERY PLAN']).join('\n');
          tx.rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof TransactionRollbackError)) throw error;
        });
      return plan;
    };
    for (const q of ['p', 'plumbr', 'नल']) {
      const plan = await planOf(suggestedTermsSql(q));
      expect(plan).toMatch(/search_terms_term_(prefix|trgm)/u);
      expect(plan).not.toMatch(/Seq Scan/u);
    }
    expect(await planOf(suggestedProvidersSql('zorawar'))).not.toMatch(/Seq Scan/u);
    // On a few hundred rows reading every "any category" row through the (category, point)
    // index is cheaper, and the planner rightly does; without it, the name's own index must serve
    // (the conditions match its expression and predicate), as it will once there are thousands.
    const names = await planOf(suggestedProvidersSql('zorawar'), [
      sql`DROP INDEX provider_search_entries_category_point_gist`,
      sql`ALTER TABLE provider_search_entries
        DROP CONSTRAINT provider_search_entries_area_id_category_slug_pk`,
    ]);
    expect(names).toMatch(/Bitmap Index Scan on provider_search_entries_name_trgm/u);
    expect(names).not.toMatch(/Seq Scan/u);
  });
});
