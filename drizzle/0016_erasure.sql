-- Erasure (GDPR art. 17): the one way audit rows may change. erase_text replaces every
-- occurrence of the given values in every text and jsonb column of the app's tables, the audit
-- log included, and clears the before/after copies of the given records' audit rows. Only
-- within its own transaction does the append-only trigger let the audit log be updated; it still
-- refuses every DELETE.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('smo.erasure', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION erase_text(needles text[], replacement text, record_ids text[])
  RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  col record;
  needle text;
  quoted text;
  quoted_replacement text := substr(to_jsonb(replacement)::text, 2, length(to_jsonb(replacement)::text) - 2);
  changed integer := 0;
  n integer;
BEGIN
  PERFORM set_config('smo.erasure', 'on', true);
  IF coalesce(array_length(record_ids, 1), 0) > 0 THEN
    UPDATE audit_log SET before = NULL, after = NULL
      WHERE entity_id = ANY (record_ids) AND (before IS NOT NULL OR after IS NOT NULL);
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;
  END IF;
  FOR col IN
    SELECT c.table_name, c.column_name, c.data_type
      FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'jsonb')
  LOOP
    FOREACH needle IN ARRAY needles LOOP
      CONTINUE WHEN needle IS NULL OR length(needle) < 2;
      IF col.data_type = 'jsonb' THEN
        quoted := substr(to_jsonb(needle)::text, 2, length(to_jsonb(needle)::text) - 2);
        EXECUTE format(
          'UPDATE %I SET %I = replace(%I::text, $1, $2)::jsonb WHERE strpos(%I::text, $1) > 0',
          col.table_name, col.column_name, col.column_name, col.column_name)
          USING quoted, quoted_replacement;
      ELSE
        EXECUTE format(
          'UPDATE %I SET %I = replace(%I, $1, $2) WHERE strpos(%I, $1) > 0',
          col.table_name, col.column_name, col.column_name, col.column_name)
          USING needle, replacement;
      END IF;
      GET DIAGNOSTICS n = ROW_COUNT;
      changed := changed + n;
    END LOOP;
  END LOOP;
  RETURN changed;
END;
$$;
