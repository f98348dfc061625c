-- Erasure, narrowed (replaces erase_text of 0016, which took its values from the caller and
-- replaced substrings everywhere). The caller now names only the subject — a user or a case —
-- and the functions read what to erase from the database themselves: a role that may call them
-- can erase a real user or case, not rewrite the audit log at will. Values are replaced as whole
-- words, in string values only (jsonb is walked, never edited as text), never in id, hash, token
-- or key columns; rows that have a version get a new one, so an open form cannot write an erased
-- value back. The setting that lets the append-only trigger pass is reset before returning.
DROP FUNCTION IF EXISTS erase_text(text[], text, text[]);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jsonb_erase(doc jsonb, pattern text, replacement text) RETURNS jsonb
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT CASE jsonb_typeof(doc)
    WHEN 'object' THEN (
      SELECT coalesce(jsonb_object_agg(key, public.jsonb_erase(value, pattern, replacement)), '{}'::jsonb)
        FROM jsonb_each(doc))
    WHEN 'array' THEN (
      SELECT coalesce(jsonb_agg(public.jsonb_erase(value, pattern, replacement) ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(doc) WITH ORDINALITY AS a(value, n))
    WHEN 'string' THEN to_jsonb(regexp_replace(doc #>> '{}', pattern, replacement, 'gi'))
    ELSE doc
  END
$$;
--> statement-breakpoint
-- A whole-word, case-insensitive pattern for one value (its regex characters escaped).
CREATE OR REPLACE FUNCTION erase_pattern(needle text) RETURNS text
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT '(^|[^[:alnum:]_])(' || regexp_replace(needle, '([.^$|()\[\]{}*+?\\-])', '\\\1', 'g') || ')($|[^[:alnum:]_])'
$$;
--> statement-breakpoint
-- Replaces the values in every human-text column of the app's tables (not ids, hashes, tokens,
-- keys or codes) and in the string values of every jsonb column; `audit_scope` limits the audit
-- log's rows to one partnership when given.
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
--> statement-breakpoint
-- A user: every name and e-mail address the account had (its own row and its audit rows), the
-- account renamed, its attempts and invitations removed, the addresses its acts came from cleared.
CREATE OR REPLACE FUNCTION erase_user(target uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  needles text[];
  changed integer;
BEGIN
  SELECT array_agg(DISTINCT v) INTO needles FROM (
    SELECT name AS v FROM public.users WHERE id = target
    UNION SELECT email FROM public.users WHERE id = target
    UNION SELECT x.v FROM public.audit_log,
      LATERAL (VALUES (before->>'name'), (after->>'name'), (before->>'email'), (after->>'email')) AS x(v)
      WHERE entity = 'user' AND entity_id = target::text
  ) s WHERE v IS NOT NULL AND v NOT LIKE 'gewist-%@gewist.invalid' AND v <> 'Gewist account';
  IF needles IS NULL THEN
    RAISE EXCEPTION 'no such user' USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM set_config('smo.erasure', 'on', true);
  UPDATE public.users
     SET name = 'Gewist account', email = 'gewist-' || id || '@gewist.invalid', version = version + 1
   WHERE id = target;
  DELETE FROM public.login_attempts WHERE lower(email) = ANY (SELECT lower(x) FROM unnest(needles) x);
  DELETE FROM public.invitations WHERE lower(email) = ANY (SELECT lower(x) FROM unnest(needles) x);
  UPDATE public.audit_log SET ip = NULL WHERE actor_user_id = target AND ip IS NOT NULL;
  changed := public.erase_values(needles, NULL);
  PERFORM set_config('smo.erasure', 'off', true);
  RETURN changed;
END;
$$;
--> statement-breakpoint
-- A case of a partnership: removed with everything of it (the foreign keys cascade), its audit
-- rows' copies cleared, its code and own reference replaced in that partnership's audit log.
CREATE OR REPLACE FUNCTION erase_case(target uuid, in_partnership uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  subject public.cases%ROWTYPE;
  ids text[];
  changed integer;
BEGIN
  SELECT * INTO subject FROM public.cases WHERE id = target AND partnership_id = in_partnership FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no such case' USING ERRCODE = 'no_data_found';
  END IF;
  SELECT array_agg(x) INTO ids FROM (
    SELECT target::text AS x
    UNION SELECT id::text FROM public.check_ins WHERE case_id = target
    UNION SELECT id::text FROM public.case_goals WHERE case_id = target
    UNION SELECT id::text FROM public.voice_links WHERE case_id = target
  ) s;
  PERFORM set_config('smo.erasure', 'on', true);
  DELETE FROM public.cases WHERE id = target;
  UPDATE public.audit_log SET before = NULL, after = NULL
   WHERE entity_id = ANY (ids) AND (before IS NOT NULL OR after IS NOT NULL);
  GET DIAGNOSTICS changed = ROW_COUNT;
  UPDATE public.audit_log
     SET before = public.jsonb_erase(before, public.erase_pattern(subject.code), '\1[gewist]\3'),
         after = public.jsonb_erase(after, public.erase_pattern(subject.code), '\1[gewist]\3')
   WHERE partnership_id = in_partnership
     AND (before::text ~* public.erase_pattern(subject.code) OR after::text ~* public.erase_pattern(subject.code));
  IF length(subject.internal_reference) >= 3 THEN
    UPDATE public.audit_log
       SET before = public.jsonb_erase(before, public.erase_pattern(subject.internal_reference), '\1[gewist]\3'),
           after = public.jsonb_erase(after, public.erase_pattern(subject.internal_reference), '\1[gewist]\3')
     WHERE partnership_id = in_partnership
       AND (before::text ~* public.erase_pattern(subject.internal_reference)
            OR after::text ~* public.erase_pattern(subject.internal_reference));
  END IF;
  PERFORM set_config('smo.erasure', 'off', true);
  RETURN changed;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION erase_user(uuid), erase_case(uuid, uuid), erase_values(text[], uuid) FROM PUBLIC;
