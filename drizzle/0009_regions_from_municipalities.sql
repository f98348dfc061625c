-- Data, not schema: every youth-care region named by a municipality becomes a region record,
-- and each municipality points at its own (the column becomes required in the next migration).
INSERT INTO "regions" ("name")
SELECT DISTINCT ON (lower("youth_region")) "youth_region" FROM "municipalities"
ORDER BY lower("youth_region"), "youth_region"
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "municipalities" m SET "region_id" = r."id"
FROM "regions" r WHERE lower(r."name") = lower(m."youth_region") AND m."region_id" IS NULL;
