ALTER TABLE "provider_search_entries" ADD COLUMN "area_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- As in 0004, with each row carrying its provider's number of service areas. Adding or removing
-- an area already refreshes all of that provider's rows, so the count stays exact.
CREATE OR REPLACE FUNCTION refresh_provider_search_entries(p_providers uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM provider_search_entries WHERE provider_id = ANY(p_providers);
  INSERT INTO provider_search_entries (
    provider_id, area_id, category_slug, category_slugs, subcategory_slugs, min_price_paise,
    latitude, longitude, radius_km, city, business_name, rating_average, rating_count,
    is_verified, search_text, area_count)
  WITH provider AS (
    SELECT p.id, p.business_name, p.description, p.rating_average, p.rating_count, p.is_verified,
      concat_ws(' ',
        (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text(p.ai_generated_profile -> 'skills')),
        (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text(p.ai_generated_profile -> 'specialties'))
      ) AS ai_words,
      (SELECT count(*) FROM provider_service_areas a WHERE a.provider_id = p.id) AS area_count
    FROM providers p JOIN users account ON account.id = p.user_id AND account.is_active
    WHERE p.id = ANY(p_providers) AND p.is_active
  ),
  services AS (
    SELECT s.provider_id, s.category_slug, s.subcategory_slug,
      concat_ws(' ', s.title, s.description) AS words, s.base_price_paise
    FROM provider_services s WHERE s.provider_id = ANY(p_providers) AND s.is_active
  ),
  offers AS (
    SELECT s.provider_id, s.category_slug, ARRAY[s.category_slug::text] AS category_slugs,
      array_agg(DISTINCT s.subcategory_slug::text) AS subcategory_slugs,
      min(s.base_price_paise) AS min_price_paise, string_agg(s.words, ' ') AS service_words
    FROM services s GROUP BY s.provider_id, s.category_slug
    UNION ALL
    SELECT s.provider_id, '', array_agg(DISTINCT s.category_slug::text),
      array_agg(DISTINCT s.subcategory_slug::text), min(s.base_price_paise),
      string_agg(s.words, ' ')
    FROM services s GROUP BY s.provider_id
  )
  SELECT provider.id, area.id, offers.category_slug, offers.category_slugs,
    offers.subcategory_slugs, offers.min_price_paise, area.latitude, area.longitude,
    area.radius_km, area.city, provider.business_name, provider.rating_average,
    provider.rating_count, provider.is_verified,
    lower(unaccent(concat_ws(' ', provider.business_name, provider.description,
      provider.ai_words, offers.service_words))),
    provider.area_count
  FROM provider
  JOIN provider_service_areas area ON area.provider_id = provider.id
  JOIN offers ON offers.provider_id = provider.id;
END
$$;
--> statement-breakpoint
-- Rows written before this migration all say 1; correct those of providers with more areas.
UPDATE provider_search_entries e SET area_count = areas.n
FROM (SELECT provider_id, count(*) AS n FROM provider_service_areas GROUP BY provider_id HAVING count(*) > 1) areas
WHERE e.provider_id = areas.provider_id;
