CREATE TYPE "public"."practice_reach" AS ENUM('municipality', 'national');--> statement-breakpoint
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"factor_id" text NOT NULL,
	"text" text NOT NULL,
	"school_type" "school_type",
	"shared" boolean DEFAULT false NOT NULL,
	"reach" "practice_reach" DEFAULT 'national' NOT NULL,
	"show_name" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "practices_factor_id" CHECK ("practices"."factor_id" ~ '^[A-Z][0-9]{1,2}$')
);
--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practices_partnership_idx" ON "practices" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "practices_factor_shared_idx" ON "practices" USING btree ("factor_id","shared");