-- Bulk insert trigger conditions (see the PostgreSQL migration of the same name). SQLite's
-- import sets its insert triggers aside inside the batch's transaction instead
-- (store/learner_import_repo), so nothing changes here; this keeps the dialects' lists in step.
SELECT 1;
