-- The audit log, partitioned by month of `at` (UTC), so that an operator can detach an old
-- month and archive it (README "The audit log"). The rows move over unchanged, ids included;
-- the append-only trigger, the indexes and the erasure functions (which name the table) hold
-- for the new table as they did for the old one.
ALTER TABLE "audit_log" RENAME TO "audit_log_unpartitioned";--> statement-breakpoint
ALTER INDEX "audit_log_entity_idx" RENAME TO "audit_log_unpartitioned_entity_idx";--> statement-breakpoint
ALTER INDEX "audit_log_at_idx" RENAME TO "audit_log_unpartitioned_at_idx";--> statement-breakpoint
ALTER INDEX "audit_log_partnership_at_idx" RENAME TO "audit_log_unpartitioned_partnership_at_idx";--> statement-breakpoint
ALTER INDEX "audit_log_actor_at_idx" RENAME TO "audit_log_unpartitioned_actor_at_idx";--> statement-breakpoint
CREATE SEQUENCE "audit_log_seq";--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint NOT NULL DEFAULT nextval('audit_log_seq'),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"partnership_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	CONSTRAINT "audit_log_id_at_pk" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");--> statement-breakpoint
ALTER SEQUENCE "audit_log_seq" OWNED BY "audit_log"."id";--> statement-breakpoint
-- Whatever falls outside the months made (none should): never refused for want of a partition.
CREATE TABLE "audit_log_default" PARTITION OF "audit_log" DEFAULT;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_partnership_at_idx" ON "audit_log" USING btree ("partnership_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_at_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
-- The monthly partitions from `first_month` on, `months` of them, that are not there yet:
-- audit_log_YYYY_MM. A month whose rows already went to the default partition is left to it
-- (making the partition would have to move them); the app calls this for the months ahead.
-- SECURITY DEFINER: the app's role may not create tables (scripts/grant-app-role.ts).
CREATE OR REPLACE FUNCTION audit_log_add_months(first_month date, months integer)
  RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  made integer := 0;
  m timestamptz;
  name text;
BEGIN
  FOR i IN 0 .. greatest(months, 1) - 1 LOOP
    m := (date_trunc('month', first_month::timestamp) + make_interval(months => i)) AT TIME ZONE 'UTC';
    name := 'audit_log_' || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM');
    CONTINUE WHEN to_regclass(name) IS NOT NULL;
    CONTINUE WHEN EXISTS (
      SELECT 1 FROM audit_log_default WHERE at >= m AND at < m + interval '1 month');
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)',
      name, m, m + interval '1 month');
    made := made + 1;
  END LOOP;
  RETURN made;
END;
$$;--> statement-breakpoint
-- The months of the rows there are, and three ahead.
SELECT audit_log_add_months(
  coalesce((SELECT min("at") FROM "audit_log_unpartitioned"), now())::date,
  (SELECT (extract(year FROM age(date_trunc('month', now()), date_trunc('month', coalesce(min("at"), now())))) * 12
     + extract(month FROM age(date_trunc('month', now()), date_trunc('month', coalesce(min("at"), now())))))::integer + 4
   FROM "audit_log_unpartitioned"));--> statement-breakpoint
INSERT INTO "audit_log" ("id", "at", "actor_user_id", "action", "entity", "entity_id", "partnership_id", "before", "after", "ip")
  SELECT "id", "at", "actor_user_id", "action", "entity", "entity_id", "partnership_id", "before", "after", "ip"
  FROM "audit_log_unpartitioned";--> statement-breakpoint
SELECT setval('audit_log_seq', coalesce((SELECT max("id") FROM "audit_log"), 0) + 1, false);--> statement-breakpoint
DROP TABLE "audit_log_unpartitioned";
