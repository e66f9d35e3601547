-- Issue 10, finding 2: every stored money amount (and KPI value, at its unit's scale) is at most
-- 10^14 minor units in magnitude (src/lib/money.ts MAX_AMOUNT_MINOR), so no sum of them can break a page.
--
-- Existing rows are never changed here: clamping an amount to the bound would silently rewrite a
-- company's books. Each constraint is added NOT VALID (every new or changed row is checked from now
-- on) and then validated only when no existing row breaks it. When some do, the migration still
-- succeeds, says so in a WARNING with the count, and leaves that constraint NOT VALID until someone
-- corrects the rows and runs `ALTER TABLE ... VALIDATE CONSTRAINT ...`. Find such constraints with
--   SELECT conrelid::regclass, conname FROM pg_constraint WHERE contype = 'c' AND NOT convalidated;
DO $$
DECLARE
  target record;
  offending bigint;
BEGIN
  FOR target IN
    SELECT * FROM (VALUES
      ('RevenueTarget', 'amountMinor'),
      ('RevenueEntry', 'amountMinor'),
      ('Contribution', 'amountMinor'),
      ('Commitment', 'expectedImpactMinor'),
      ('Commitment', 'deliveredImpactMinor'),
      ('Opportunity', 'amountMinor'),
      ('OpportunityCause', 'amountMinor'),
      ('PipelineSnapshotItem', 'amountMinor'),
      ('Kpi', 'targetScaled'),
      ('KpiValue', 'valueScaled'),
      ('KpiValue', 'targetScaled')
    ) AS t(tbl, col)
  LOOP
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (%I BETWEEN -100000000000000 AND 100000000000000) NOT VALID',
                   target.tbl, target.tbl || '_' || target.col || '_bound', target.col);
    EXECUTE format('SELECT count(*) FROM %I WHERE %I NOT BETWEEN -100000000000000 AND 100000000000000', target.tbl, target.col)
      INTO offending;
    IF offending = 0 THEN
      EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', target.tbl, target.tbl || '_' || target.col || '_bound');
    ELSE
      RAISE WARNING '% row(s) of %.% exceed 10^14 minor units; constraint %_%_bound stays NOT VALID until they are corrected',
        offending, target.tbl, target.col, target.tbl, target.col;
    END IF;
  END LOOP;
END $$;
