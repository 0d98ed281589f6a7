CREATE TYPE "public"."user_role" AS ENUM('customer', 'provider', 'admin');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" "citext" NOT NULL,
	"password_hash" text,
	"role" "user_role" DEFAULT 'customer' NOT NULL,
	"first_name" varchar(50) NOT NULL,
	"last_name" varchar(50) NOT NULL,
	"phone" varchar(16),
	"avatar_url" text,
	"language" varchar(8) DEFAULT 'en' NOT NULL,
	"time_zone" text DEFAULT 'Asia/Kolkata' NOT NULL,
	"address" text,
	"city" text,
	"state" text,
	"pincode" varchar(6),
	"latitude" double precision,
	"longitude" double precision,
	"is_verified" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_pincode_format" CHECK ("users"."pincode" ~ '^[1-9][0-9]{5}$'),
	CONSTRAINT "users_coordinates_pair" CHECK (("users"."latitude" IS NULL) = ("users"."longitude" IS NULL) AND "users"."latitude" BETWEEN -90 AND 90 AND "users"."longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_role_active_idx" ON "users" USING btree ("role","is_active");--> statement-breakpoint
CREATE INDEX "users_location_gist" ON "users" USING gist (ll_to_earth("latitude", "longitude")) WHERE "users"."latitude" IS NOT NULL AND "users"."longitude" IS NOT NULL;