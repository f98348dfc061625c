-- The audit log is partitioned (0020): a user's erasure reads every table but the partitions,
-- whose rows it reaches through the audit log itself, once (and with the audit log's own rule:
-- only its before/after copies, never its other columns).
CREATE OR REPLACE FUNCTION erase_values(needles text[], audit_scope uuid) RETURNS integer
  LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  col record;
  needle text;
  pattern text;
  has_version boolean;
  changed integer := 0;
  n integer;
BEGIN
  FOR col IN
    SELECT c.table_name, c.column_name, c.data_type
      FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'jsonb')
       AND c.column_name <> 'id' AND c.column_name NOT LIKE '%\_id'
       AND c.column_name !~ '(hash|token|key|secret|code|ip)$'
       AND NOT (c.table_name = 'audit_log' AND c.data_type <> 'jsonb')
       -- A partitioned table (the audit log) through its parent only, where audit_scope holds.
       AND NOT EXISTS (
         SELECT 1 FROM pg_catalog.pg_class pc
          WHERE pc.relnamespace = 'public'::regnamespace AND pc.relname = c.table_name
            AND pc.relispartition)
       -- Nor a month detached for the archive (README "The audit log"): history, not the app's.
       AND c.table_name NOT LIKE 'audit\_log\_%'

  LOOP
    SELECT EXISTS (
      SELECT 1 FROM information_schema.columns v
       WHERE v.table_schema = 'public' AND v.table_name = col.table_name AND v.column_name = 'version'
    ) INTO has_version;
    FOREACH needle IN ARRAY needles LOOP
      CONTINUE WHEN needle IS NULL OR length(needle) < 3;
      pattern := public.erase_pattern(needle);
      IF col.data_type = 'jsonb' THEN
        EXECUTE format(
          'UPDATE public.%I SET %I = public.jsonb_erase(%I, $1, ''\1[gewist]\3'')%s
            WHERE %I::text ~* $1 %s',
          col.table_name, col.column_name, col.column_name,
          CASE WHEN has_version THEN ', version = version + 1' ELSE '' END,
          col.column_name,
          CASE WHEN col.table_name = 'audit_log' AND audit_scope IS NOT NULL
               THEN format('AND partnership_id = %L', audit_scope) ELSE '' END)
          USING pattern;
      ELSE
        EXECUTE format(
          'UPDATE public.%I SET %I = regexp_replace(%I, $1, ''\1[gewist]\3'', ''gi'')%s WHERE %I ~* $1',
          col.table_name, col.column_name, col.column_name,
          CASE WHEN has_version THEN ', version = version + 1' ELSE '' END,
          col.column_name)
          USING pattern;
      END IF;
      GET DIAGNOSTICS n = ROW_COUNT;
      changed := changed + n;
    END LOOP;
  END LOOP;
  RETURN changed;
END;
$$;
