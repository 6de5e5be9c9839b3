-- The learner status triggers step aside for a bulk insert (migration 0010) in their WHEN
-- conditions rather than inside their bodies. A row trigger whose condition is false is neither
-- called nor, for an AFTER trigger, queued: 100,000 imported learners no longer make 200,000
-- PL/pgSQL calls and 100,000 queued trigger events that only return at once. Updates and deletes
-- are counted as before; the functions themselves are unchanged.
DROP TRIGGER learners_status_flags ON learners;
CREATE TRIGGER learners_status_flags_insert BEFORE INSERT ON learners FOR EACH ROW
  WHEN (current_setting('lt.bulk_learner_insert', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION learners_status_flags_set();
CREATE TRIGGER learners_status_flags_update BEFORE UPDATE ON learners
  FOR EACH ROW EXECUTE FUNCTION learners_status_flags_set();

DROP TRIGGER learners_status_count_insert_delete ON learners;
CREATE TRIGGER learners_status_count_insert AFTER INSERT ON learners FOR EACH ROW
  WHEN (current_setting('lt.bulk_learner_insert', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION learners_status_count();
CREATE TRIGGER learners_status_count_delete AFTER DELETE ON learners
  FOR EACH ROW EXECUTE FUNCTION learners_status_count();
