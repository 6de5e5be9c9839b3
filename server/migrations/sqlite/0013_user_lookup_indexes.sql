-- The users' indexes as the queries use them. Sign-in by email and password reset look a user up
-- by LOWER(email) (store/users_repo find_by_email), which an index of email itself cannot serve:
-- the look-up walked every user of the tenant (1,000,000 of them in the benchmark's data). No
-- query orders or seeks users by name (lists go by id; their search is a LIKE over four
-- columns), so users_by_name only cost every insert a B-tree: a learner import writes 100,000.
DROP INDEX users_by_email;
CREATE INDEX users_by_email ON users (tenant_id, LOWER(email));
DROP INDEX users_by_name;
