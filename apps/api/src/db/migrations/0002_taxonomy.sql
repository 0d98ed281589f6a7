CREATE TYPE "public"."service_unit" AS ENUM('hour', 'service', 'square_feet');--> statement-breakpoint
CREATE TABLE "service_categories" (
	"slug" varchar(48) PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"typical_unit" "service_unit" NOT NULL,
	"price_min_paise" integer NOT NULL,
	"price_max_paise" integer NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_categories_price_range" CHECK (0 <= "service_categories"."price_min_paise" AND "service_categories"."price_min_paise" <= "service_categories"."price_max_paise"),
	CONSTRAINT "service_categories_slug_format" CHECK ("service_categories"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "service_subcategories" (
	"category_slug" varchar(48) NOT NULL,
	"slug" varchar(64) NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	"unit" "service_unit" NOT NULL,
	"price_min_paise" integer NOT NULL,
	"price_max_paise" integer NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_subcategories_category_slug_slug_pk" PRIMARY KEY("category_slug","slug"),
	CONSTRAINT "service_subcategories_price_range" CHECK (0 <= "service_subcategories"."price_min_paise" AND "service_subcategories"."price_min_paise" <= "service_subcategories"."price_max_paise"),
	CONSTRAINT "service_subcategories_slug_format" CHECK ("service_subcategories"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
ALTER TABLE "service_subcategories" ADD CONSTRAINT "service_subcategories_category_slug_service_categories_slug_fk" FOREIGN KEY ("category_slug") REFERENCES "public"."service_categories"("slug") ON DELETE restrict ON UPDATE cascade;