CREATE TYPE "public"."booking_payment_method" AS ENUM('cash', 'wallet', 'online');--> statement-breakpoint
CREATE TYPE "public"."booking_payment_status" AS ENUM('pending', 'paid', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('pending', 'confirmed', 'in_progress', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "booking_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"from_status" "booking_status",
	"to_status" "booking_status" NOT NULL,
	"actor_id" uuid,
	"actor_role" "user_role" NOT NULL,
	"reason" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"service_id" uuid,
	"category_slug" varchar(48) NOT NULL,
	"subcategory_slug" varchar(64) NOT NULL,
	"service_title" varchar(100) NOT NULL,
	"description" text NOT NULL,
	"estimated_duration_minutes" integer NOT NULL,
	"address" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"instructions" text,
	"time_zone" text NOT NULL,
	"preferred_start" timestamp with time zone NOT NULL,
	"confirmed_start" timestamp with time zone,
	"slot" "tstzrange" NOT NULL,
	"status" "booking_status" DEFAULT 'pending' NOT NULL,
	"unit" "service_unit" NOT NULL,
	"unit_price_paise" integer NOT NULL,
	"base_price_paise" integer NOT NULL,
	"additional_charges_paise" integer DEFAULT 0 NOT NULL,
	"total_amount_paise" integer NOT NULL,
	"cancellation_fee_paise" integer DEFAULT 0 NOT NULL,
	"currency" char(3) DEFAULT 'INR' NOT NULL,
	"payment_method" "booking_payment_method" NOT NULL,
	"payment_status" "booking_payment_status" DEFAULT 'pending' NOT NULL,
	"payment_transaction_id" text,
	"cancelled_by" uuid,
	"cancelled_by_role" "user_role",
	"cancellation_reason" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bookings_duration" CHECK ("bookings"."estimated_duration_minutes" BETWEEN 15 AND 1440),
	CONSTRAINT "bookings_slot" CHECK (NOT isempty("bookings"."slot") AND NOT lower_inf("bookings"."slot")),
	CONSTRAINT "bookings_coordinates" CHECK ("bookings"."latitude" BETWEEN -90 AND 90 AND "bookings"."longitude" BETWEEN -180 AND 180),
	CONSTRAINT "bookings_pricing" CHECK ("bookings"."unit_price_paise" > 0 AND "bookings"."base_price_paise" > 0 AND "bookings"."additional_charges_paise" >= 0
        AND "bookings"."total_amount_paise" = "bookings"."base_price_paise" + "bookings"."additional_charges_paise"
        AND "bookings"."cancellation_fee_paise" BETWEEN 0 AND "bookings"."total_amount_paise"),
	CONSTRAINT "bookings_currency" CHECK ("bookings"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "booking_status_history" ADD CONSTRAINT "booking_status_history_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_status_history" ADD CONSTRAINT "booking_status_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_service_id_provider_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."provider_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_status_history_booking_idx" ON "booking_status_history" USING btree ("booking_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_customer_created_idx" ON "bookings" USING btree ("customer_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "bookings_provider_created_idx" ON "bookings" USING btree ("provider_id","created_at" DESC NULLS LAST);--> statement-breakpoint
-- Double booking is impossible by construction: no two active bookings of one provider overlap
-- (btree_gist gives uuid its `=` in GiST). Violations raise SQLSTATE 23P01, answered as 409.
-- The same index answers "is this provider booked at this moment" (`slot @> instant`) for search.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("provider_id" WITH =, "slot" WITH &&)
  WHERE ("status" IN ('pending', 'confirmed', 'in_progress'));
