-- Blobs are uploaded spreadsheets and generated workbooks: .xlsx is already a zip, and a CSV is read
-- once. PostgreSQL's default storage for bytea compresses large values (pglz), which cost more than
-- half a second on each 10 MB upload and again on reading it back; store them out of line as they
-- are.
ALTER TABLE blobs ALTER COLUMN bytes SET STORAGE EXTERNAL;
