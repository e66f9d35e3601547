-- The KPI definition form edits the aggregation too (added beside the version trigger, on another
-- branch): a change of it makes an open copy of the form stale, like a change of any other field.
DROP TRIGGER "Kpi_version" ON "Kpi";
CREATE TRIGGER "Kpi_version" BEFORE UPDATE ON "Kpi" FOR EACH ROW
  WHEN (ROW(OLD."name", OLD."unit", OLD."direction", OLD."aggregation", OLD."targetScaled", OLD."greenAtBp", OLD."amberAtBp") IS DISTINCT FROM ROW(NEW."name", NEW."unit", NEW."direction", NEW."aggregation", NEW."targetScaled", NEW."greenAtBp", NEW."amberAtBp"))
  EXECUTE FUNCTION "revtrace_bump_version"();
