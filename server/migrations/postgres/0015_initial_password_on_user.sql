-- A generated first password (migration 0009) is kept on its user's row rather than in a table of
-- its own. Each imported learner wrote a row and a primary-key entry there, and on a database
-- role that cannot set session_replication_role a foreign-key check as well: about 0.1-0.2 s of
-- a 100,000-learner import's writes, and 0.3-0.5 s more with the per-row checks (issue 4). On the
-- user's row the password needs none of these, and is as readable as the row's password hash: the
-- users' queries name their columns, so it is read only through store/initial_passwords_repo.
-- Sealed with the server's secret key, never plain text; set to NULL at the first sign-in or
-- when a manager sets a new password.
ALTER TABLE users ADD COLUMN initial_password TEXT;
UPDATE users SET initial_password = p.sealed FROM initial_passwords p
  WHERE p.user_id = users.id AND p.tenant_id = users.tenant_id;
DROP TABLE initial_passwords;
