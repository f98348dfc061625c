CREATE TABLE "round_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_links_id_partnership_key" UNIQUE("id","partnership_id")
);
--> statement-breakpoint
CREATE TABLE "round_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"factor_id" text NOT NULL,
	"score" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_scores_score_range" CHECK ("round_scores"."score" is null or "round_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "scoring_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_rounds_id_partnership_key" UNIQUE("id","partnership_id")
);
--> statement-breakpoint
ALTER TABLE "round_links" ADD CONSTRAINT "round_links_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_links" ADD CONSTRAINT "round_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_links" ADD CONSTRAINT "round_links_round_fk" FOREIGN KEY ("round_id","partnership_id") REFERENCES "public"."scoring_rounds"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_links" ADD CONSTRAINT "round_links_participant_fk" FOREIGN KEY ("participant_id","partnership_id") REFERENCES "public"."session_participants"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_responses" ADD CONSTRAINT "round_responses_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_responses" ADD CONSTRAINT "round_responses_round_fk" FOREIGN KEY ("round_id","partnership_id") REFERENCES "public"."scoring_rounds"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_responses" ADD CONSTRAINT "round_responses_participant_fk" FOREIGN KEY ("participant_id","partnership_id") REFERENCES "public"."session_participants"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_scores" ADD CONSTRAINT "round_scores_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_scores" ADD CONSTRAINT "round_scores_round_fk" FOREIGN KEY ("round_id","partnership_id") REFERENCES "public"."scoring_rounds"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_scores" ADD CONSTRAINT "round_scores_participant_fk" FOREIGN KEY ("participant_id","partnership_id") REFERENCES "public"."session_participants"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rounds" ADD CONSTRAINT "scoring_rounds_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rounds" ADD CONSTRAINT "scoring_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rounds" ADD CONSTRAINT "scoring_rounds_session_fk" FOREIGN KEY ("session_id","partnership_id") REFERENCES "public"."reflection_sessions"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "round_links_token_hash_key" ON "round_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "round_links_round_id_idx" ON "round_links" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "round_links_participant_id_idx" ON "round_links" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "round_links_partnership_id_idx" ON "round_links" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "round_links_created_by_idx" ON "round_links" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "round_responses_round_participant_key" ON "round_responses" USING btree ("round_id","participant_id");--> statement-breakpoint
CREATE INDEX "round_responses_participant_id_idx" ON "round_responses" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "round_responses_partnership_id_idx" ON "round_responses" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_scores_round_participant_factor_key" ON "round_scores" USING btree ("round_id","participant_id","factor_id");--> statement-breakpoint
CREATE INDEX "round_scores_participant_id_idx" ON "round_scores" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "round_scores_partnership_id_idx" ON "round_scores" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_rounds_session_key" ON "scoring_rounds" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "scoring_rounds_partnership_id_idx" ON "scoring_rounds" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "scoring_rounds_opened_by_idx" ON "scoring_rounds" USING btree ("opened_by");