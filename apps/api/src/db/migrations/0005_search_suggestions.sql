CREATE INDEX "search_terms_term_prefix" ON "search_terms" USING btree ("term" text_pattern_ops);--> statement-breakpoint
-- `search_terms` follows the taxonomy and the providers' AI skills through triggers, as the
-- search read model of 0004 does: a taxonomy seed, an admin's synonym edit or a provider's new
-- profile is suggestible in the same transaction, whichever code path wrote it, and no writer
-- can forget to refresh it.
--
-- How suggestions compare words: lower-case, accent-free, single spaces, and the Devanagari
-- spellings that should meet folded together (nukta dropped, chandrabindu as anusvara), as
-- foldWord does in the AI module. IMMUTABLE (unaccent is STABLE only because its dictionary could
-- change) so that a query's folded constant is computed once at plan time and a prefix `LIKE`
-- can use the btree index.
CREATE FUNCTION search_fold(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(
    btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, p_text)), '\s+', ' ', 'g')),
    E'\u0901\u093C', E'\u0902')
$$;
--> statement-breakpoint
-- Rebuilds the terms of the given categories and their subcategories (a few hundred rows at
-- most; per category, because a category's active flag decides its subcategories' terms too). A
-- term in Devanagari is shown with the Hindi name, any other (English, Hinglish) with the English
-- one. Inactive categories and subcategories, and subcategories of an inactive category, have none.
CREATE FUNCTION refresh_taxonomy_terms(p_categories text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_categories), 0) = 0 THEN RETURN; END IF;
  DELETE FROM search_terms
  WHERE kind IN ('category', 'subcategory') AND category_slug = ANY(p_categories);
  INSERT INTO search_terms (term, kind, label, category_slug, subcategory_slug)
  SELECT search_fold(word), kind,
    CASE WHEN word ~ '[\u0900-\u097F]' THEN name_hi ELSE name_en END, category_slug, subcategory_slug
  FROM (
    SELECT 'category' AS kind, c.slug AS category_slug, NULL::varchar AS subcategory_slug,
      c.name_en, c.name_hi, ARRAY[c.name_en, c.name_hi] || c.synonyms AS words
    FROM service_categories c
    WHERE c.slug = ANY(p_categories) AND c.is_active
    UNION ALL
    SELECT 'subcategory', s.category_slug, s.slug, s.name_en, s.name_hi,
      ARRAY[s.name_en, s.name_hi] || s.synonyms
    FROM service_subcategories s
    JOIN service_categories c ON c.slug = s.category_slug AND c.is_active
    WHERE s.category_slug = ANY(p_categories) AND s.is_active
  ) entry, unnest(entry.words) word
  WHERE length(search_fold(word)) > 0
  ON CONFLICT DO NOTHING;
END
$$;
--> statement-breakpoint
-- Statement-level with transition tables: seeding the whole taxonomy refreshes it once per
-- statement, not once per row.
CREATE FUNCTION search_terms_follow_taxonomy() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  affected text[];
BEGIN
  IF TG_TABLE_NAME = 'service_categories' THEN
    IF TG_OP = 'INSERT' THEN affected := ARRAY(SELECT slug FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN affected := ARRAY(SELECT slug FROM old_rows);
    ELSE affected := ARRAY(SELECT slug FROM old_rows UNION SELECT slug FROM new_rows);
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN affected := ARRAY(SELECT category_slug FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN affected := ARRAY(SELECT category_slug FROM old_rows);
    ELSE
      affected := ARRAY(SELECT category_slug FROM old_rows UNION SELECT category_slug FROM new_rows);
    END IF;
  END IF;
  PERFORM refresh_taxonomy_terms(ARRAY(SELECT DISTINCT unnest(affected)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER service_categories_terms_follow_insert AFTER INSERT ON service_categories
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_taxonomy();
--> statement-breakpoint
CREATE TRIGGER service_categories_terms_follow_update AFTER UPDATE ON service_categories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_taxonomy();
--> statement-breakpoint
CREATE TRIGGER service_categories_terms_follow_delete AFTER DELETE ON service_categories
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_taxonomy();
--> statement-breakpoint
CREATE TRIGGER service_subcategories_terms_follow_insert AFTER INSERT ON service_subcategories
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_taxonomy();
--> statement-breakpoint
CREATE TRIGGER service_subcategories_terms_follow_update AFTER UPDATE ON service_subcategories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_taxonomy();
--> statement-breakpoint
CREATE TRIGGER service_subcategories_terms_follow_delete AFTER DELETE ON service_subcategories
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_taxonomy();
--> statement-breakpoint
-- The distinct skills and specialties of one AI profile, folded, with their first spelling.
CREATE FUNCTION provider_skill_terms(p_profile jsonb) RETURNS TABLE (term text, label text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = public, pg_temp AS $$
  SELECT DISTINCT ON (search_fold(word)) search_fold(word), btrim(word)
  FROM unnest(ARRAY(
    SELECT jsonb_array_elements_text(p_profile -> key) FROM unnest(ARRAY['skills', 'specialties']) key
    WHERE jsonb_typeof(p_profile -> key) = 'array')) WITH ORDINALITY AS skill(word, position)
  WHERE length(search_fold(word)) BETWEEN 2 AND 80
  ORDER BY search_fold(word), position
$$;
--> statement-breakpoint
-- The same terms as an array: the GIN index below lets a recount visit only the providers that
-- list one of the skills, not every provider.
-- (PostgreSQL 17 builds indexes with an empty search_path, hence the SET.)
CREATE FUNCTION provider_skill_term_array(p_profile jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(term), '{}') FROM provider_skill_terms(p_profile)
$$;
--> statement-breakpoint
CREATE INDEX providers_skill_terms_gin ON providers
  USING gin (provider_skill_term_array(ai_generated_profile)) WHERE is_active;
--> statement-breakpoint
-- Recounts the given skill terms: weight = how many active providers (of active accounts) list
-- it, shown in its most common spelling; a term nobody lists any more disappears. Recounting
-- rather than adding and subtracting can never drift, also when a cascade deletes providers. The
-- per-term advisory locks (taken in sorted order, so two writers cannot deadlock) make a
-- concurrent writer of the same skill wait and then count with this one's change committed.
-- The GIN index limits each recount to the providers listing those skills.
CREATE FUNCTION refresh_skill_terms(p_terms text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_terms), 0) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('search_terms/skill/' || term, 0))
  FROM (SELECT DISTINCT unnest(p_terms) AS term ORDER BY 1) affected;
  DELETE FROM search_terms WHERE kind = 'skill' AND term = ANY(p_terms);
  INSERT INTO search_terms (term, kind, label, weight)
  SELECT skill.term, 'skill', mode() WITHIN GROUP (ORDER BY skill.label), count(*)
  FROM providers p
  JOIN users account ON account.id = p.user_id AND account.is_active
  CROSS JOIN LATERAL provider_skill_terms(p.ai_generated_profile) skill
  WHERE p.is_active AND provider_skill_term_array(p.ai_generated_profile) && p_terms
    AND skill.term = ANY(p_terms)
  GROUP BY skill.term;
END
$$;
--> statement-breakpoint
-- Statement-level with transition tables, so a bulk load recounts each skill once; an update
-- that leaves every profile and active flag as it was (a new rating) recounts nothing.
CREATE FUNCTION search_terms_follow_providers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_skill_terms(ARRAY(
      SELECT DISTINCT s.term FROM new_rows n, provider_skill_terms(n.ai_generated_profile) s
      WHERE n.is_active));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_skill_terms(ARRAY(
      SELECT DISTINCT s.term FROM old_rows o, provider_skill_terms(o.ai_generated_profile) s
      WHERE o.is_active));
  ELSE
    PERFORM refresh_skill_terms(ARRAY(
      WITH old_terms AS (
        SELECT o.id, s.term FROM old_rows o, provider_skill_terms(o.ai_generated_profile) s
        WHERE o.is_active),
      new_terms AS (
        SELECT n.id, s.term FROM new_rows n, provider_skill_terms(n.ai_generated_profile) s
        WHERE n.is_active)
      SELECT term FROM ((TABLE old_terms EXCEPT TABLE new_terms) UNION (TABLE new_terms EXCEPT TABLE old_terms)) changed));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER providers_terms_follow_insert AFTER INSERT ON providers
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_providers();
--> statement-breakpoint
CREATE TRIGGER providers_terms_follow_update AFTER UPDATE ON providers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_providers();
--> statement-breakpoint
CREATE TRIGGER providers_terms_follow_delete AFTER DELETE ON providers
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_follow_providers();
--> statement-breakpoint
CREATE FUNCTION search_terms_follow_accounts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_skill_terms(ARRAY(
    SELECT DISTINCT s.term FROM providers p, provider_skill_terms(p.ai_generated_profile) s
    WHERE p.user_id = NEW.id AND p.is_active));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_terms_follow AFTER UPDATE OF is_active ON users
  FOR EACH ROW WHEN (OLD.is_active IS DISTINCT FROM NEW.is_active)
  EXECUTE FUNCTION search_terms_follow_accounts();
--> statement-breakpoint
-- Terms for the taxonomy and providers that existed before this migration.
SELECT refresh_taxonomy_terms(ARRAY(SELECT slug FROM service_categories));
--> statement-breakpoint
SELECT refresh_skill_terms(ARRAY(
  SELECT DISTINCT s.term FROM providers p, provider_skill_terms(p.ai_generated_profile) s));
