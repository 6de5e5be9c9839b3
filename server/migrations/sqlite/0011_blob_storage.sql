-- Blob storage (see the PostgreSQL migration of the same name, which stops bytea compression).
-- SQLite stores a BLOB as it is, so nothing changes here; this keeps the dialects' lists in step.
SELECT 1;
