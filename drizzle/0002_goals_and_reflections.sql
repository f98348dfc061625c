CREATE TYPE "public"."effect_kind" AS ENUM('child', 'family', 'professionals', 'organisations', 'society');--> statement-breakpoint
CREATE TYPE "public"."goal_direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."goal_verdict" AS ENUM('on_track', 'needs_attention', 'adjust_goal');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('open', 'done', 'continued', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."goal_assessment" AS ENUM('on_track', 'at_risk', 'off_track', 'unclear');--> statement-breakpoint
CREATE TYPE "public"."sector" AS ENUM('education', 'youth_care', 'municipality', 'parent', 'young_person', 'other');--> statement-breakpoint
CREATE TYPE "public"."session_status" AS ENUM('planned', 'in_progress', 'signed_off');--> statement-breakpoint
CREATE TABLE "goal_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"measured_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "goal_partner_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"verdict" "goal_verdict" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"parent_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"indicator" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"direction" "goal_direction" NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" double precision NOT NULL,
	"target_date" date NOT NULL,
	"plausible_min" double precision,
	"plausible_max" double precision,
	"effect_kind" "effect_kind" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "factor_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"factor_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "factor_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"instrument_version" integer NOT NULL,
	"factor_id" text NOT NULL,
	"score" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "factor_scores_score_range" CHECK ("factor_scores"."score" is null or "factor_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "reflection_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_organisation_id" uuid,
	"due_on" date NOT NULL,
	"status" "action_status" DEFAULT 'open' NOT NULL,
	"drop_reason" text DEFAULT '' NOT NULL,
	"reviewed_in_session_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reflection_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"instrument_version" integer NOT NULL,
	"status" "session_status" DEFAULT 'planned' NOT NULL,
	"what_works" text DEFAULT '' NOT NULL,
	"what_does_not" text DEFAULT '' NOT NULL,
	"signed_off_by" uuid,
	"signed_off_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session_goal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"assessment" "goal_assessment" NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"sector" "sector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "goal_measurements" ADD CONSTRAINT "goal_measurements_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_measurements" ADD CONSTRAINT "goal_measurements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_measurements" ADD CONSTRAINT "goal_measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_partner_roles" ADD CONSTRAINT "goal_partner_roles_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_partner_roles" ADD CONSTRAINT "goal_partner_roles_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_partner_roles" ADD CONSTRAINT "goal_partner_roles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_parent_id_goals_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."goals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_notes" ADD CONSTRAINT "factor_notes_session_id_reflection_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reflection_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_notes" ADD CONSTRAINT "factor_notes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_scores" ADD CONSTRAINT "factor_scores_session_id_reflection_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reflection_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_scores" ADD CONSTRAINT "factor_scores_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_scores" ADD CONSTRAINT "factor_scores_participant_id_session_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."session_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_actions" ADD CONSTRAINT "reflection_actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_actions" ADD CONSTRAINT "reflection_actions_session_id_reflection_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reflection_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_actions" ADD CONSTRAINT "reflection_actions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_actions" ADD CONSTRAINT "reflection_actions_reviewed_in_session_id_reflection_sessions_id_fk" FOREIGN KEY ("reviewed_in_session_id") REFERENCES "public"."reflection_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_sessions" ADD CONSTRAINT "reflection_sessions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_sessions" ADD CONSTRAINT "reflection_sessions_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_goal_reviews" ADD CONSTRAINT "session_goal_reviews_session_id_reflection_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reflection_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_goal_reviews" ADD CONSTRAINT "session_goal_reviews_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_goal_reviews" ADD CONSTRAINT "session_goal_reviews_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "session_participants_session_id_reflection_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reflection_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "session_participants_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "session_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "session_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_measurements_goal_measured_idx" ON "goal_measurements" USING btree ("goal_id","measured_on");--> statement-breakpoint
CREATE INDEX "goal_measurements_partnership_id_idx" ON "goal_measurements" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "goal_measurements_recorded_by_idx" ON "goal_measurements" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_partner_roles_goal_org_key" ON "goal_partner_roles" USING btree ("goal_id","organisation_id");--> statement-breakpoint
CREATE INDEX "goal_partner_roles_partnership_id_idx" ON "goal_partner_roles" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "goal_partner_roles_organisation_id_idx" ON "goal_partner_roles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "goal_reviews_goal_reviewed_idx" ON "goal_reviews" USING btree ("goal_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "goal_reviews_partnership_id_idx" ON "goal_reviews" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "goal_reviews_reviewer_id_idx" ON "goal_reviews" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "goals_partnership_id_idx" ON "goals" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "goals_parent_id_idx" ON "goals" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "factor_notes_session_factor_key" ON "factor_notes" USING btree ("session_id","factor_id");--> statement-breakpoint
CREATE INDEX "factor_notes_partnership_id_idx" ON "factor_notes" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "factor_scores_participant_factor_key" ON "factor_scores" USING btree ("participant_id","factor_id");--> statement-breakpoint
CREATE INDEX "factor_scores_session_id_idx" ON "factor_scores" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "factor_scores_partnership_id_idx" ON "factor_scores" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "reflection_actions_partnership_status_idx" ON "reflection_actions" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "reflection_actions_session_id_idx" ON "reflection_actions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "reflection_actions_owner_idx" ON "reflection_actions" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "reflection_actions_reviewed_in_idx" ON "reflection_actions" USING btree ("reviewed_in_session_id");--> statement-breakpoint
CREATE INDEX "reflection_sessions_partnership_held_idx" ON "reflection_sessions" USING btree ("partnership_id","held_on");--> statement-breakpoint
CREATE INDEX "reflection_sessions_signed_off_by_idx" ON "reflection_sessions" USING btree ("signed_off_by");--> statement-breakpoint
CREATE UNIQUE INDEX "session_goal_reviews_session_goal_key" ON "session_goal_reviews" USING btree ("session_id","goal_id");--> statement-breakpoint
CREATE INDEX "session_goal_reviews_partnership_id_idx" ON "session_goal_reviews" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "session_goal_reviews_goal_id_idx" ON "session_goal_reviews" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "session_participants_session_id_idx" ON "session_participants" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_participants_partnership_id_idx" ON "session_participants" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "session_participants_user_id_idx" ON "session_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_participants_organisation_id_idx" ON "session_participants" USING btree ("organisation_id");