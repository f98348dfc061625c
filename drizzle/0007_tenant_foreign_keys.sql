ALTER TABLE "case_assignments" DROP CONSTRAINT "case_assignments_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "case_goals" DROP CONSTRAINT "case_goals_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "check_in_gas_scores" DROP CONSTRAINT "check_in_gas_scores_check_in_id_check_ins_id_fk";
--> statement-breakpoint
ALTER TABLE "check_in_gas_scores" DROP CONSTRAINT "check_in_gas_scores_case_goal_id_case_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "check_in_ratings" DROP CONSTRAINT "check_in_ratings_check_in_id_check_ins_id_fk";
--> statement-breakpoint
ALTER TABLE "check_in_ratings" DROP CONSTRAINT "check_in_ratings_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "check_in_referrals" DROP CONSTRAINT "check_in_referrals_check_in_id_check_ins_id_fk";
--> statement-breakpoint
ALTER TABLE "check_in_referrals" DROP CONSTRAINT "check_in_referrals_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "voice_links" DROP CONSTRAINT "voice_links_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "voice_responses" DROP CONSTRAINT "voice_responses_link_id_voice_links_id_fk";
--> statement-breakpoint
ALTER TABLE "voice_responses" DROP CONSTRAINT "voice_responses_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_measurements" DROP CONSTRAINT "goal_measurements_goal_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_partner_roles" DROP CONSTRAINT "goal_partner_roles_goal_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_reviews" DROP CONSTRAINT "goal_reviews_goal_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "goals" DROP CONSTRAINT "goals_parent_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "factor_notes" DROP CONSTRAINT "factor_notes_session_id_reflection_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "factor_scores" DROP CONSTRAINT "factor_scores_session_id_reflection_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "factor_scores" DROP CONSTRAINT "factor_scores_participant_id_session_participants_id_fk";
--> statement-breakpoint
ALTER TABLE "reflection_actions" DROP CONSTRAINT "reflection_actions_session_id_reflection_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "session_goal_reviews" DROP CONSTRAINT "session_goal_reviews_session_id_reflection_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "session_goal_reviews" DROP CONSTRAINT "session_goal_reviews_goal_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "session_participants" DROP CONSTRAINT "session_participants_session_id_reflection_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_fk" FOREIGN KEY ("case_id","partnership_id") REFERENCES "public"."cases"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_case_fk" FOREIGN KEY ("case_id","partnership_id") REFERENCES "public"."cases"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_gas_scores" ADD CONSTRAINT "check_in_gas_scores_check_in_fk" FOREIGN KEY ("check_in_id","partnership_id") REFERENCES "public"."check_ins"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_gas_scores" ADD CONSTRAINT "check_in_gas_scores_case_goal_fk" FOREIGN KEY ("case_goal_id","partnership_id") REFERENCES "public"."case_goals"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_ratings" ADD CONSTRAINT "check_in_ratings_check_in_fk" FOREIGN KEY ("check_in_id","partnership_id") REFERENCES "public"."check_ins"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_ratings" ADD CONSTRAINT "check_in_ratings_case_fk" FOREIGN KEY ("case_id","partnership_id") REFERENCES "public"."cases"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_referrals" ADD CONSTRAINT "check_in_referrals_check_in_fk" FOREIGN KEY ("check_in_id","partnership_id") REFERENCES "public"."check_ins"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_referrals" ADD CONSTRAINT "check_in_referrals_case_fk" FOREIGN KEY ("case_id","partnership_id") REFERENCES "public"."cases"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_case_fk" FOREIGN KEY ("case_id","partnership_id") REFERENCES "public"."cases"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_links" ADD CONSTRAINT "voice_links_case_fk" FOREIGN KEY ("case_id","partnership_id") REFERENCES "public"."cases"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_responses" ADD CONSTRAINT "voice_responses_link_fk" FOREIGN KEY ("link_id","partnership_id") REFERENCES "public"."voice_links"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_responses" ADD CONSTRAINT "voice_responses_case_fk" FOREIGN KEY ("case_id","partnership_id") REFERENCES "public"."cases"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_measurements" ADD CONSTRAINT "goal_measurements_goal_fk" FOREIGN KEY ("goal_id","partnership_id") REFERENCES "public"."goals"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_partner_roles" ADD CONSTRAINT "goal_partner_roles_goal_fk" FOREIGN KEY ("goal_id","partnership_id") REFERENCES "public"."goals"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_goal_fk" FOREIGN KEY ("goal_id","partnership_id") REFERENCES "public"."goals"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_parent_fk" FOREIGN KEY ("parent_id","partnership_id") REFERENCES "public"."goals"("id","partnership_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_notes" ADD CONSTRAINT "factor_notes_session_fk" FOREIGN KEY ("session_id","partnership_id") REFERENCES "public"."reflection_sessions"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_scores" ADD CONSTRAINT "factor_scores_session_fk" FOREIGN KEY ("session_id","partnership_id") REFERENCES "public"."reflection_sessions"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_scores" ADD CONSTRAINT "factor_scores_participant_fk" FOREIGN KEY ("participant_id","partnership_id") REFERENCES "public"."session_participants"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_actions" ADD CONSTRAINT "reflection_actions_session_fk" FOREIGN KEY ("session_id","partnership_id") REFERENCES "public"."reflection_sessions"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_goal_reviews" ADD CONSTRAINT "session_goal_reviews_session_fk" FOREIGN KEY ("session_id","partnership_id") REFERENCES "public"."reflection_sessions"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_goal_reviews" ADD CONSTRAINT "session_goal_reviews_goal_fk" FOREIGN KEY ("goal_id","partnership_id") REFERENCES "public"."goals"("id","partnership_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "session_participants_session_fk" FOREIGN KEY ("session_id","partnership_id") REFERENCES "public"."reflection_sessions"("id","partnership_id") ON DELETE cascade ON UPDATE no action;