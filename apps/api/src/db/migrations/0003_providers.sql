CREATE TYPE "public"."availability_exception_reason" AS ENUM('leave', 'holiday', 'other');--> statement-breakpoint
CREATE TYPE "public"."provider_document_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."provider_document_type" AS ENUM('license', 'certificate', 'insurance');--> statement-breakpoint
CREATE TABLE "provider_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"day_of_week" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	CONSTRAINT "provider_availability_day" CHECK ("provider_availability"."day_of_week" BETWEEN 0 AND 6),
	CONSTRAINT "provider_availability_order" CHECK ("provider_availability"."start_time" < "provider_availability"."end_time")
);
--> statement-breakpoint
CREATE TABLE "provider_availability_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"date" date NOT NULL,
	"all_day" boolean DEFAULT true NOT NULL,
	"start_time" time,
	"end_time" time,
	"reason" "availability_exception_reason" NOT NULL,
	"note" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_availability_exceptions_times" CHECK (("provider_availability_exceptions"."all_day" AND "provider_availability_exceptions"."start_time" IS NULL AND "provider_availability_exceptions"."end_time" IS NULL) OR (NOT "provider_availability_exceptions"."all_day" AND "provider_availability_exceptions"."start_time" < "provider_availability_exceptions"."end_time"))
);
--> statement-breakpoint
CREATE TABLE "provider_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"type" "provider_document_type" NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" varchar(100) NOT NULL,
	"original_bytes" bigint NOT NULL,
	"status" "provider_document_status" DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_portfolio_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"image_key" text NOT NULL,
	"description" varchar(500) DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_service_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"city" text NOT NULL,
	"pincodes" text[] DEFAULT '{}'::text[] NOT NULL,
	"localities" text[] DEFAULT '{}'::text[] NOT NULL,
	"radius_km" numeric(4, 1) NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_service_areas_radius" CHECK ("provider_service_areas"."radius_km" BETWEEN 0.5 AND 50),
	CONSTRAINT "provider_service_areas_coordinates" CHECK ("provider_service_areas"."latitude" BETWEEN -90 AND 90 AND "provider_service_areas"."longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE TABLE "provider_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"category_slug" varchar(48) NOT NULL,
	"subcategory_slug" varchar(64) NOT NULL,
	"title" varchar(100) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"base_price_paise" integer NOT NULL,
	"unit" "service_unit" NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_services_price_positive" CHECK ("provider_services"."base_price_paise" > 0)
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"business_name" varchar(100) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"ai_generated_profile" jsonb,
	"rating_average" numeric(3, 2) DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"is_verified" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"time_zone" text DEFAULT 'Asia/Kolkata' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_rating_range" CHECK ("providers"."rating_average" BETWEEN 0 AND 5),
	CONSTRAINT "providers_rating_count" CHECK ("providers"."rating_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "provider_availability" ADD CONSTRAINT "provider_availability_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_availability_exceptions" ADD CONSTRAINT "provider_availability_exceptions_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_documents" ADD CONSTRAINT "provider_documents_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_documents" ADD CONSTRAINT "provider_documents_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_portfolio_items" ADD CONSTRAINT "provider_portfolio_items_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_service_areas" ADD CONSTRAINT "provider_service_areas_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_services" ADD CONSTRAINT "provider_services_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_services" ADD CONSTRAINT "provider_services_subcategory_fk" FOREIGN KEY ("category_slug","subcategory_slug") REFERENCES "public"."service_subcategories"("category_slug","slug") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_availability_provider_day_idx" ON "provider_availability" USING btree ("provider_id","day_of_week");--> statement-breakpoint
CREATE INDEX "provider_availability_exceptions_provider_date_idx" ON "provider_availability_exceptions" USING btree ("provider_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_documents_key_key" ON "provider_documents" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "provider_documents_provider_idx" ON "provider_documents" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_documents_pending_idx" ON "provider_documents" USING btree ("created_at") WHERE "provider_documents"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "provider_portfolio_items_provider_idx" ON "provider_portfolio_items" USING btree ("provider_id","sort_order");--> statement-breakpoint
CREATE INDEX "provider_service_areas_provider_idx" ON "provider_service_areas" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_service_areas_city_idx" ON "provider_service_areas" USING btree ("city");--> statement-breakpoint
CREATE INDEX "provider_service_areas_pincodes_idx" ON "provider_service_areas" USING gin ("pincodes");--> statement-breakpoint
CREATE INDEX "provider_service_areas_centre_gist" ON "provider_service_areas" USING gist (ll_to_earth("latitude", "longitude"));--> statement-breakpoint
CREATE INDEX "provider_services_provider_idx" ON "provider_services" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_services_category_idx" ON "provider_services" USING btree ("category_slug","subcategory_slug") WHERE "provider_services"."is_active";--> statement-breakpoint
CREATE UNIQUE INDEX "providers_user_key" ON "providers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "providers_active_rating_idx" ON "providers" USING btree ("rating_average" DESC NULLS LAST,"rating_count" DESC NULLS LAST) WHERE "providers"."is_active";