-- A generated first password is kept on its user's row rather than in a table of its own: see
-- PostgreSQL's migration 0015.
ALTER TABLE users ADD COLUMN initial_password TEXT;
UPDATE users SET initial_password = (
  SELECT p.sealed FROM initial_passwords p WHERE p.user_id = users.id AND p.tenant_id = users.tenant_id)
  WHERE id IN (SELECT user_id FROM initial_passwords);
DROP TABLE initial_passwords;
