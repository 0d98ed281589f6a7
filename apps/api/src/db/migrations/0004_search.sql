CREATE TABLE "provider_search_entries" (
	"provider_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"category_slug" text NOT NULL,
	"category_slugs" text[] NOT NULL,
	"subcategory_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_price_paise" integer NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"radius_km" numeric(4, 1) NOT NULL,
	"city" text NOT NULL,
	"business_name" varchar(100) NOT NULL,
	"rating_average" numeric(3, 2) NOT NULL,
	"rating_count" integer NOT NULL,
	"is_verified" boolean NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "provider_search_entries_area_id_category_slug_pk" PRIMARY KEY("area_id","category_slug")
);
--> statement-breakpoint
CREATE TABLE "search_misses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"query" text NOT NULL,
	"category_slug" varchar(48),
	"latitude" double precision,
	"longitude" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"label" text NOT NULL,
	"category_slug" varchar(48),
	"subcategory_slug" varchar(64),
	"weight" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_search_entries" ADD CONSTRAINT "provider_search_entries_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_search_entries" ADD CONSTRAINT "provider_search_entries_area_id_provider_service_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."provider_service_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_search_entries_provider_idx" ON "provider_search_entries" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_search_entries_category_point_gist" ON "provider_search_entries" USING gist ("category_slug",ll_to_earth("latitude", "longitude"));--> statement-breakpoint
CREATE INDEX "provider_search_entries_text_trgm" ON "provider_search_entries" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "provider_search_entries_name_trgm" ON "provider_search_entries" USING gin (lower("business_name") gin_trgm_ops) WHERE "provider_search_entries"."category_slug" = '';--> statement-breakpoint
CREATE INDEX "search_misses_created_idx" ON "search_misses" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "search_terms_key" ON "search_terms" USING btree ("kind","term",coalesce("category_slug", ''),coalesce("subcategory_slug", ''));--> statement-breakpoint
CREATE INDEX "search_terms_term_trgm" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
-- The search read model follows the provider tables inside the writer's transaction: no writer
-- can forget it and search never sees half an edit. A provider that is inactive, or has no
-- active service or no area, has no rows. Takes many ids so bulk loads can refresh in one pass.
CREATE FUNCTION refresh_provider_search_entries(p_providers uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM provider_search_entries WHERE provider_id = ANY(p_providers);
  INSERT INTO provider_search_entries (
    provider_id, area_id, category_slug, category_slugs, subcategory_slugs, min_price_paise,
    latitude, longitude, radius_km, city, business_name, rating_average, rating_count,
    is_verified, search_text)
  WITH provider AS (
    SELECT p.id, p.business_name, p.description, p.rating_average, p.rating_count, p.is_verified,
      concat_ws(' ',
        (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text(p.ai_generated_profile -> 'skills')),
        (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text(p.ai_generated_profile -> 'specialties'))
      ) AS ai_words
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
      provider.ai_words, offers.service_words)))
  FROM provider
  JOIN provider_service_areas area ON area.provider_id = provider.id
  JOIN offers ON offers.provider_id = provider.id;
END
$$;
--> statement-breakpoint
CREATE FUNCTION provider_search_entries_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM refresh_provider_search_entries(ARRAY(SELECT id FROM providers WHERE user_id = NEW.id));
  ELSIF TG_TABLE_NAME = 'providers' THEN
    IF TG_OP <> 'DELETE' THEN PERFORM refresh_provider_search_entries(ARRAY[NEW.id]); END IF;
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM refresh_provider_search_entries(ARRAY[NEW.provider_id]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_provider_search_entries(ARRAY[OLD.provider_id]);
  ELSE
    PERFORM refresh_provider_search_entries(ARRAY[OLD.provider_id, NEW.provider_id]);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER providers_search_follow AFTER INSERT OR UPDATE ON providers
  FOR EACH ROW EXECUTE FUNCTION provider_search_entries_follow();
--> statement-breakpoint
CREATE TRIGGER provider_services_search_follow AFTER INSERT OR UPDATE OR DELETE ON provider_services
  FOR EACH ROW EXECUTE FUNCTION provider_search_entries_follow();
--> statement-breakpoint
CREATE TRIGGER provider_service_areas_search_follow AFTER INSERT OR UPDATE OR DELETE ON provider_service_areas
  FOR EACH ROW EXECUTE FUNCTION provider_search_entries_follow();
--> statement-breakpoint
CREATE TRIGGER users_search_follow AFTER UPDATE OF is_active ON users
  FOR EACH ROW WHEN (OLD.is_active IS DISTINCT FROM NEW.is_active)
  EXECUTE FUNCTION provider_search_entries_follow();
--> statement-breakpoint
-- Rows for providers that existed before this migration.
SELECT refresh_provider_search_entries(array_agg(id)) FROM providers;
