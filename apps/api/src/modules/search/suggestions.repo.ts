import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';

/** How well a candidate matched: 3 whole term, 2 term starts with it, 1 a later word does, 0 fuzzy. */
export type MatchTier = 0 | 1 | 2 | 3;

export type TermHit = {
  kind: 'category' | 'subcategory' | 'skill';
  label: string;
  term: string;
  categorySlug: string | null;
  subcategorySlug: string | null;
  weight: number;
  tier: MatchTier;
  score: number;
};

export type ProviderNameHit = {
  providerId: string;
  businessName: string;
  term: string;
  tier: MatchTier;
  score: number;
};

/** Below this many characters only prefixes are matched: trigrams of one or two letters match noise. */
export const FUZZY_MIN_LENGTH = 3;
/** A fuzzy candidate needs at least this trigram score to be offered. */
const FUZZY_FLOOR = 0.4;
/** Candidates read per source before ranking and de-duplication. */
const CANDIDATES = 40;

const escapeLike = (text: string) => text.replace(/[\\%_]/gu, '\\$&');

/**
 * Two conditions, each with an index: `LIKE 'q%'` (btree text_pattern_ops on terms, trigram GIN
 * on names), and `q <% column`, word similarity above pg_trgm's threshold (0.6 by default), which
 * finds typos ("electrisian") and later words ("sanitary sol" in "Zorawar Sanitary Solutions")
 * through the trigram GIN index. `search_fold` is IMMUTABLE, so PostgreSQL folds the typed text
 * once at plan time and the prefix pattern is a constant an index can use.
 */
const matchSql = (column: SQL, q: string) => {
  const folded = sql`search_fold(${q})`;
  const pattern = sql`search_fold(${escapeLike(q)})`;
  const fuzzy = [...q].length >= FUZZY_MIN_LENGTH;
  return {
    where: fuzzy
      ? sql`(${column} LIKE ${pattern} || '%' OR ${folded} <% ${column})`
      : sql`${column} LIKE ${pattern} || '%'`,
    tier: sql`CASE WHEN ${column} = ${folded} THEN 3 WHEN ${column} LIKE ${pattern} || '%' THEN 2
      WHEN ${column} LIKE '% ' || ${pattern} || '%' THEN 1 ELSE 0 END`,
    score: sql`greatest(similarity(${column}, ${folded}), word_similarity(${folded}, ${column}))`,
  };
};

/**
 * Taxonomy names, synonyms and skills matching `q`, best term per category, subcategory or skill
 * (so "nal", "nal wala" and "नल" do not fill the list with Plumbing three times).
 */
export const suggestedTermsSql = (q: string): SQL => {
  const match = matchSql(sql`t.term`, q);
  // MATERIALIZED: planned on its own, the match is a bitmap of the two indexes; inlined, the
  // planner may walk the whole unique index instead to get the DISTINCT ON order for free.
  return sql`WITH hit AS MATERIALIZED (
      SELECT t.kind, t.label, t.term, t.category_slug, t.subcategory_slug, t.weight,
        CASE WHEN t.kind = 'skill' THEN t.term END AS skill,
        ${match.tier} AS tier, ${match.score}::float8 AS score
      FROM search_terms t
      WHERE ${match.where}
    )
    SELECT * FROM (
      SELECT DISTINCT ON (kind, category_slug, subcategory_slug, skill) * FROM hit
      WHERE tier > 0 OR score >= ${FUZZY_FLOOR}
      ORDER BY kind, category_slug, subcategory_slug, skill, tier DESC, score DESC
    ) best
    ORDER BY tier DESC, score DESC, weight DESC, term
    LIMIT ${CANDIDATES}`;
};

export const findSuggestedTerms = async (db: Db, q: string): Promise<TermHit[]> => {
  const rows = await queryRows<{
    kind: TermHit['kind'];
    label: string;
    term: string;
    category_slug: string | null;
    subcategory_slug: string | null;
    weight: number;
    tier: MatchTier;
    score: number;
  }>(db, suggestedTermsSql(q));
  return rows.map((row) => ({
    kind: row.kind,
    label: row.label,
    term: row.term,
    categorySlug: row.category_slug,
    subcategorySlug: row.subcategory_slug,
    weight: Number(row.weight),
    tier: Number(row.tier) as MatchTier,
    score: Number(row.score),
  }));
};

/** Listed providers whose business name matches `q`, through the read model's name index. */
export const suggestedProvidersSql = (q: string): SQL => {
  const name = sql`lower(e.business_name)`;
  const match = matchSql(name, q);
  // MATERIALIZED for the same reason as the terms' (walking provider_idx for DISTINCT ON).
  return sql`WITH hit AS MATERIALIZED (
      SELECT e.provider_id, e.business_name, ${name} AS term, ${match.tier} AS tier,
        ${match.score}::float8 AS score, e.rating_count
      FROM provider_search_entries e
      WHERE e.category_slug = '' AND ${match.where}
    )
    SELECT * FROM (SELECT DISTINCT ON (provider_id) * FROM hit ORDER BY provider_id) one
    WHERE tier > 0 OR score >= ${FUZZY_FLOOR}
    ORDER BY tier DESC, score DESC, rating_count DESC, provider_id
    LIMIT ${CANDIDATES}`;
};

/** Names only from the third character on: one or two letters would list every provider. */
export const findSuggestedProviders = async (db: Db, q: string): Promise<ProviderNameHit[]> => {
  if ([...q].length < FUZZY_MIN_LENGTH) return [];
  const rows = await queryRows<{
    provider_id: string;
    business_name: string;
    term: string;
    tier: MatchTier;
    score: number;
  }>(db, suggestedProvidersSql(q));
  return rows.map((row) => ({
    providerId: row.provider_id,
    businessName: row.business_name,
    term: row.term,
    tier: Number(row.tier) as MatchTier,
    score: Number(row.score),
  }));
};
