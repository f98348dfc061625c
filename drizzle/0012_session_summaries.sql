CREATE TABLE "session_summaries" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_summaries" ADD CONSTRAINT "session_summaries_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_summaries" ADD CONSTRAINT "session_summaries_session_fk" FOREIGN KEY ("session_id","partnership_id") REFERENCES "public"."reflection_sessions"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_summaries_partnership_id_idx" ON "session_summaries" USING btree ("partnership_id");