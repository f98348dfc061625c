CREATE TYPE "public"."age_band" AS ENUM('0-4', '4-12', '12-16', '16-18', '18-23');--> statement-breakpoint
CREATE TYPE "public"."case_ending" AS ENUM('planned', 'dropout');--> statement-breakpoint
CREATE TYPE "public"."case_perspective" AS ENUM('school', 'youth_care', 'parent', 'young_person');--> statement-breakpoint
CREATE TYPE "public"."problem_domain" AS ENUM('learning', 'behaviour', 'social_emotional', 'home_situation', 'psychological', 'physical_medical', 'other');--> statement-breakpoint
CREATE TYPE "public"."referral_judgement" AS ENUM('appropriate', 'too_quick', 'unclear');--> statement-breakpoint
CREATE TYPE "public"."referral_kind" AS ENUM('school_support', 'local_team', 'youth_care_light', 'specialist_youth_care', 'mental_health', 'residential', 'other');--> statement-breakpoint
CREATE TYPE "public"."school_type" AS ENUM('po', 'so', 'vo', 'vso', 'mbo', 'none');--> statement-breakpoint
CREATE TYPE "public"."voice_perspective" AS ENUM('parent', 'young_person');--> statement-breakpoint
CREATE TABLE "case_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"description" text NOT NULL,
	"level_minus2" text NOT NULL,
	"level_minus1" text NOT NULL,
	"level_0" text NOT NULL,
	"level_plus1" text NOT NULL,
	"level_plus2" text NOT NULL,
	"weight" smallint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "case_goals_weight_range" CHECK ("case_goals"."weight" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"code" text NOT NULL,
	"internal_reference" text DEFAULT '' NOT NULL,
	"age_band" "age_band" NOT NULL,
	"school_type" "school_type" NOT NULL,
	"problem_domains" "problem_domain"[] DEFAULT '{}' NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"joint_plan" boolean DEFAULT false NOT NULL,
	"joint_plan_since" date,
	"ending" "case_ending",
	"continues_without_help" boolean,
	"satisfaction_parent" smallint,
	"satisfaction_young_person" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "cases_satisfaction_range" CHECK (("cases"."satisfaction_parent" is null or "cases"."satisfaction_parent" between 1 and 5) and ("cases"."satisfaction_young_person" is null or "cases"."satisfaction_young_person" between 1 and 5))
);
--> statement-breakpoint
CREATE TABLE "check_in_gas_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_in_id" uuid NOT NULL,
	"case_goal_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_gas_scores_range" CHECK ("check_in_gas_scores"."score" between -2 and 2)
);
--> statement-breakpoint
CREATE TABLE "check_in_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_in_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"perspective" "case_perspective" NOT NULL,
	"collaboration" smallint NOT NULL,
	"wellbeing" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"via_link" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_ratings_range" CHECK ("check_in_ratings"."collaboration" between 1 and 5 and "check_in_ratings"."wellbeing" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "check_in_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_in_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" "referral_kind" NOT NULL,
	"judgement" "referral_judgement" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"professional_changes" smallint DEFAULT 0 NOT NULL,
	"client_request_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "voice_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"perspective" "voice_perspective" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"perspective" "voice_perspective" NOT NULL,
	"collaboration" smallint NOT NULL,
	"wellbeing" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"check_in_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voice_responses_range" CHECK ("voice_responses"."collaboration" between 1 and 5 and "voice_responses"."wellbeing" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_gas_scores" ADD CONSTRAINT "check_in_gas_scores_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_gas_scores" ADD CONSTRAINT "check_in_gas_scores_case_goal_id_case_goals_id_fk" FOREIGN KEY ("case_goal_id") REFERENCES "public"."case_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_gas_scores" ADD CONSTRAINT "check_in_gas_scores_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_ratings" ADD CONSTRAINT "check_in_ratings_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_ratings" ADD CONSTRAINT "check_in_ratings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_ratings" ADD CONSTRAINT "check_in_ratings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_referrals" ADD CONSTRAINT "check_in_referrals_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_referrals" ADD CONSTRAINT "check_in_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_referrals" ADD CONSTRAINT "check_in_referrals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_links" ADD CONSTRAINT "voice_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_links" ADD CONSTRAINT "voice_links_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_links" ADD CONSTRAINT "voice_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_responses" ADD CONSTRAINT "voice_responses_link_id_voice_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."voice_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_responses" ADD CONSTRAINT "voice_responses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_responses" ADD CONSTRAINT "voice_responses_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_responses" ADD CONSTRAINT "voice_responses_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_assignments_active_key" ON "case_assignments" USING btree ("case_id","user_id") WHERE "case_assignments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "case_assignments_user_id_idx" ON "case_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_assignments_partnership_id_idx" ON "case_assignments" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "case_goals_case_id_idx" ON "case_goals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_goals_partnership_id_idx" ON "case_goals" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_partnership_code_key" ON "cases" USING btree ("partnership_id","code");--> statement-breakpoint
CREATE INDEX "cases_partnership_opened_idx" ON "cases" USING btree ("partnership_id","opened_on");--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_gas_scores_goal_key" ON "check_in_gas_scores" USING btree ("check_in_id","case_goal_id");--> statement-breakpoint
CREATE INDEX "check_in_gas_scores_case_goal_id_idx" ON "check_in_gas_scores" USING btree ("case_goal_id");--> statement-breakpoint
CREATE INDEX "check_in_gas_scores_partnership_id_idx" ON "check_in_gas_scores" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_ratings_perspective_key" ON "check_in_ratings" USING btree ("check_in_id","perspective");--> statement-breakpoint
CREATE INDEX "check_in_ratings_case_id_idx" ON "check_in_ratings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "check_in_ratings_partnership_id_idx" ON "check_in_ratings" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "check_in_referrals_check_in_id_idx" ON "check_in_referrals" USING btree ("check_in_id");--> statement-breakpoint
CREATE INDEX "check_in_referrals_case_id_idx" ON "check_in_referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "check_in_referrals_partnership_id_idx" ON "check_in_referrals" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_client_request_key" ON "check_ins" USING btree ("client_request_id");--> statement-breakpoint
CREATE INDEX "check_ins_case_held_idx" ON "check_ins" USING btree ("case_id","held_on");--> statement-breakpoint
CREATE INDEX "check_ins_partnership_held_idx" ON "check_ins" USING btree ("partnership_id","held_on");--> statement-breakpoint
CREATE INDEX "check_ins_created_by_idx" ON "check_ins" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "voice_attempts_ip_at_idx" ON "voice_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "voice_links_token_hash_key" ON "voice_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "voice_links_case_id_idx" ON "voice_links" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "voice_links_partnership_id_idx" ON "voice_links" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "voice_links_created_by_idx" ON "voice_links" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "voice_responses_link_key" ON "voice_responses" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "voice_responses_case_id_idx" ON "voice_responses" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "voice_responses_partnership_id_idx" ON "voice_responses" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "voice_responses_check_in_id_idx" ON "voice_responses" USING btree ("check_in_id");