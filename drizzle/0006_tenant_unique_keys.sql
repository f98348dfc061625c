CREATE UNIQUE INDEX "reflection_sessions_partnership_day_key" ON "reflection_sessions" USING btree ("partnership_id","held_on") WHERE "reflection_sessions"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_id_partnership_key" UNIQUE("id","partnership_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_id_partnership_key" UNIQUE("id","partnership_id");--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_id_partnership_key" UNIQUE("id","partnership_id");--> statement-breakpoint
ALTER TABLE "voice_links" ADD CONSTRAINT "voice_links_id_partnership_key" UNIQUE("id","partnership_id");--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_id_partnership_key" UNIQUE("id","partnership_id");--> statement-breakpoint
ALTER TABLE "reflection_sessions" ADD CONSTRAINT "reflection_sessions_id_partnership_key" UNIQUE("id","partnership_id");--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "session_participants_id_partnership_key" UNIQUE("id","partnership_id");