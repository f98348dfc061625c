ALTER TABLE "cases" ADD COLUMN "check_in_every_weeks" smallint;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_organisation_id_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_check_in_every_weeks_range" CHECK ("cases"."check_in_every_weeks" is null or "cases"."check_in_every_weeks" between 1 and 52);