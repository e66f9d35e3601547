-- Audit events are append-only (DESIGN.md): the database itself refuses to change or delete one.
-- TRUNCATE (test resets) is a table-level operation and is not affected.
CREATE FUNCTION revtrace_audit_event_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION revtrace_audit_event_is_append_only();
