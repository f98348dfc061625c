CREATE TABLE "heard_summaries" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"text" text NOT NULL,
	"published_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "voice_responses" ADD COLUMN "reply" text;--> statement-breakpoint
ALTER TABLE "voice_responses" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "voice_responses" ADD COLUMN "replied_by" uuid;--> statement-breakpoint
ALTER TABLE "heard_summaries" ADD CONSTRAINT "heard_summaries_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heard_summaries" ADD CONSTRAINT "heard_summaries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heard_summaries" ADD CONSTRAINT "heard_summaries_session_fk" FOREIGN KEY ("session_id","partnership_id") REFERENCES "public"."reflection_sessions"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "heard_summaries_partnership_id_idx" ON "heard_summaries" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "heard_summaries_updated_by_idx" ON "heard_summaries" USING btree ("updated_by");--> statement-breakpoint
ALTER TABLE "voice_responses" ADD CONSTRAINT "voice_responses_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;