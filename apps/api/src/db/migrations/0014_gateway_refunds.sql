CREATE TYPE "public"."gateway_refund_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "gateway_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"ledger_transaction_id" uuid NOT NULL,
	"gateway" varchar(16) NOT NULL,
	"gateway_payment_id" varchar(64) NOT NULL,
	"amount_paise" bigint NOT NULL,
	"status" "gateway_refund_status" DEFAULT 'pending' NOT NULL,
	"gateway_refund_id" varchar(64),
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_refunds_booking_key" UNIQUE("booking_id"),
	CONSTRAINT "gateway_refunds_amount_positive" CHECK ("gateway_refunds"."amount_paise" > 0)
);
--> statement-breakpoint
ALTER TABLE "gateway_refunds" ADD CONSTRAINT "gateway_refunds_ledger_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("ledger_transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_refunds_due_idx" ON "gateway_refunds" USING btree ("next_attempt_at") WHERE "gateway_refunds"."status" = 'pending';