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
-- Month boundaries are computed on UTC wall-clock times and only then made timestamptz, so they
-- do not depend on the session's TimeZone (a month of 30 days and 23 hours in Amsterdam).
CREATE OR REPLACE FUNCTION audit_log_add_months(first_month date, months integer)
  RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  made integer := 0;
  start_utc timestamp;
  m timestamptz;
  m_next timestamptz;
  name text;
BEGIN
  -- Twenty years at the most in one call: nobody makes the owner create tables without end.
  FOR i IN 0 .. least(greatest(months, 1), 240) - 1 LOOP
    start_utc := date_trunc('month', first_month::timestamp) + make_interval(months => i);
    m := start_utc AT TIME ZONE 'UTC';
    m_next := (start_utc + interval '1 month') AT TIME ZONE 'UTC';
    name := 'audit_log_' || to_char(start_utc, 'YYYY_MM');
    CONTINUE WHEN to_regclass('public.' || name) IS NOT NULL;
    CONTINUE WHEN EXISTS (
      SELECT 1 FROM public.audit_log_default WHERE at >= m AND at < m_next);
    EXECUTE format(
      'CREATE TABLE public.%I PARTITION OF public.audit_log FOR VALUES FROM (%L) TO (%L)',
      name, m, m_next);
    made := made + 1;
  END LOOP;
  RETURN made;
END;
$$;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION audit_log_add_months(date, integer) FROM PUBLIC;--> statement-breakpoint
-- The months of the rows there are (their UTC month), and three ahead.
SELECT audit_log_add_months(
  (coalesce((SELECT min("at") FROM "audit_log_unpartitioned"), now()) AT TIME ZONE 'UTC')::date,
  (SELECT (extract(year FROM age(date_trunc('month', now() AT TIME ZONE 'UTC'),
              date_trunc('month', coalesce(min("at"), now()) AT TIME ZONE 'UTC'))) * 12
         + extract(month FROM age(date_trunc('month', now() AT TIME ZONE 'UTC'),
              date_trunc('month', coalesce(min("at"), now()) AT TIME ZONE 'UTC'))))::integer + 4
     FROM "audit_log_unpartitioned"));--> statement-breakpoint
-- Who could read and append to the old table can to the new one (the app's own role,
-- scripts/grant-app-role.ts): a deployment that migrates at start keeps working.
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT DISTINCT grantee, privilege_type FROM information_schema.role_table_grants
     WHERE table_schema = 'public' AND table_name = 'audit_log_unpartitioned'
       AND privilege_type IN ('SELECT', 'INSERT')
       AND grantee <> (SELECT tableowner FROM pg_tables
                        WHERE schemaname = 'public' AND tablename = 'audit_log_unpartitioned')
  LOOP
    EXECUTE format('GRANT %s ON public.audit_log TO %I', g.privilege_type, g.grantee);
    EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE public.audit_log_seq TO %I', g.grantee);
    EXECUTE format('GRANT EXECUTE ON FUNCTION public.audit_log_add_months(date, integer) TO %I', g.grantee);
  END LOOP;
END;
$$;--> statement-breakpoint
INSERT INTO "audit_log" ("id", "at", "actor_user_id", "action", "entity", "entity_id", "partnership_id", "before", "after", "ip")
  SELECT "id", "at", "actor_user_id", "action", "entity", "entity_id", "partnership_id", "before", "after", "ip"
  FROM "audit_log_unpartitioned";--> statement-breakpoint
SELECT setval('audit_log_seq', coalesce((SELECT max("id") FROM "audit_log"), 0) + 1, false);--> statement-breakpoint
DROP TABLE "audit_log_unpartitioned";
