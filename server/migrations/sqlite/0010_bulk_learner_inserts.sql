-- Bulk learner inserts (the learner import, issue 4). On SQLite the import sets the per-row status
-- triggers of migration 0006 aside inside its own transaction (store/learner_import_repo), so
-- nothing changes in the schema; this migration keeps the two dialects' lists in step with the
-- PostgreSQL one, which lets those triggers step aside when lt.bulk_learner_insert is on.
SELECT 1;
