CREATE TYPE "public"."goal_realisation" AS ENUM('yes', 'partly', 'no');--> statement-breakpoint
CREATE SEQUENCE "public"."figures_changes" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "region_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figures_cases" (
	"partnership_id" uuid NOT NULL,
	"quarter_start" date NOT NULL,
	"dim" text NOT NULL,
	"dim_value" text NOT NULL,
	"active" integer NOT NULL,
	"gas_cases" integer NOT NULL,
	"gas_t" real[] NOT NULL,
	"joint_plan" integer NOT NULL,
	"check_ins" integer NOT NULL,
	"voice_check_ins" integer NOT NULL,
	"changes" integer NOT NULL,
	"case_days" integer NOT NULL,
	"referrals" integer NOT NULL,
	"too_quick" integer NOT NULL,
	"closed" integer NOT NULL,
	"dropouts" integer NOT NULL,
	"continues_known" integer NOT NULL,
	"continues_yes" integer NOT NULL,
	"realised_known" integer NOT NULL,
	"realised_yes" integer NOT NULL,
	"realised_partly" integer NOT NULL,
	"satisfaction_parent_n" integer NOT NULL,
	"satisfaction_parent_sum" integer NOT NULL,
	"satisfaction_young_n" integer NOT NULL,
	"satisfaction_young_sum" integer NOT NULL,
	CONSTRAINT "figures_cases_partnership_id_quarter_start_dim_dim_value_pk" PRIMARY KEY("partnership_id","quarter_start","dim","dim_value")
);
--> statement-breakpoint
CREATE TABLE "figures_collaboration" (
	"partnership_id" uuid NOT NULL,
	"quarter_start" date NOT NULL,
	"session_id" uuid NOT NULL,
	"instrument_version" integer NOT NULL,
	"scorers" integer NOT NULL,
	"collaboration_index" real,
	"levels" real[] NOT NULL,
	"factors" real[] NOT NULL,
	"education" real[] NOT NULL,
	"youth_care" real[] NOT NULL,
	"families" real[] NOT NULL,
	CONSTRAINT "figures_collaboration_partnership_id_quarter_start_pk" PRIMARY KEY("partnership_id","quarter_start")
);
--> statement-breakpoint
CREATE TABLE "figures_goals" (
	"partnership_id" uuid NOT NULL,
	"quarter_start" date NOT NULL,
	"achieved" integer NOT NULL,
	"on_track" integer NOT NULL,
	"at_risk" integer NOT NULL,
	"off_track" integer NOT NULL,
	"no_data" integer NOT NULL,
	CONSTRAINT "figures_goals_partnership_id_quarter_start_pk" PRIMARY KEY("partnership_id","quarter_start")
);
--> statement-breakpoint
CREATE TABLE "figures_published" (
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"section" text NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "figures_published_scope_kind_scope_id_section_pk" PRIMARY KEY("scope_kind","scope_id","section")
);
--> statement-breakpoint
CREATE TABLE "figures_reporting" (
	"partnership_id" uuid NOT NULL,
	"quarter_start" date NOT NULL,
	"expected" real NOT NULL,
	"held" integer NOT NULL,
	"held_capped" real NOT NULL,
	"on_time_capped" real NOT NULL,
	CONSTRAINT "figures_reporting_partnership_id_quarter_start_pk" PRIMARY KEY("partnership_id","quarter_start")
);
--> statement-breakpoint
CREATE TABLE "figures_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_change" bigint NOT NULL,
	"window_start" date NOT NULL,
	"computed_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "goals_realised" "goal_realisation";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_national_analyst" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "region_access" ADD CONSTRAINT "region_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_access" ADD CONSTRAINT "region_access_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures_cases" ADD CONSTRAINT "figures_cases_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures_collaboration" ADD CONSTRAINT "figures_collaboration_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures_goals" ADD CONSTRAINT "figures_goals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures_reporting" ADD CONSTRAINT "figures_reporting_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_access_user_id_idx" ON "region_access" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "region_access_region_id_idx" ON "region_access" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "region_access_active_key" ON "region_access" USING btree ("user_id","region_id") WHERE "region_access"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "regions_name_key" ON "regions" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "figures_cases_quarter_idx" ON "figures_cases" USING btree ("quarter_start","dim");--> statement-breakpoint
CREATE INDEX "figures_collaboration_quarter_idx" ON "figures_collaboration" USING btree ("quarter_start");--> statement-breakpoint
CREATE INDEX "figures_goals_quarter_idx" ON "figures_goals" USING btree ("quarter_start");--> statement-breakpoint
CREATE INDEX "figures_reporting_quarter_idx" ON "figures_reporting" USING btree ("quarter_start");--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipalities_region_id_idx" ON "municipalities" USING btree ("region_id");