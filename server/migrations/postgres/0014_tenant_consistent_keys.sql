-- A learner's, role assignment's and initial password's user, and a learner's provider, must be
-- of the row's own tenant: one foreign key on (user_id, tenant_id) or (provider_id, tenant_id)
-- instead of one on tenant_id and another on the id. Stronger (a row can no longer point into
-- another tenant), and cheaper: every foreign key is a row trigger that locks the row it finds,
-- and the three checks of the same tenants row per imported learner were a third of a
-- 100,000-row learner import on PostgreSQL (issue 4). users keeps its own tenant key.
-- SQLite keeps its single-column keys: changing them there means rebuilding each table.
-- The keys they refer to lead with the id: an index led by tenant_id would also offer the
-- planner the tenant's users in id order, which it took over users_by_email for the email
-- look-up when the table was small (store/user_lookup_test).
ALTER TABLE users ADD CONSTRAINT users_id_tenant_id_key UNIQUE (id, tenant_id);
ALTER TABLE providers ADD CONSTRAINT providers_id_tenant_id_key UNIQUE (id, tenant_id);

ALTER TABLE role_assignments
  DROP CONSTRAINT role_assignments_tenant_id_fkey,
  DROP CONSTRAINT role_assignments_user_id_fkey,
  ADD CONSTRAINT role_assignments_user_fkey FOREIGN KEY (user_id, tenant_id)
    REFERENCES users (id, tenant_id);

ALTER TABLE learners
  DROP CONSTRAINT learners_tenant_id_fkey,
  DROP CONSTRAINT learners_user_id_fkey,
  DROP CONSTRAINT learners_provider_id_fkey,
  ADD CONSTRAINT learners_user_fkey FOREIGN KEY (user_id, tenant_id)
    REFERENCES users (id, tenant_id),
  ADD CONSTRAINT learners_provider_fkey FOREIGN KEY (provider_id, tenant_id)
    REFERENCES providers (id, tenant_id);

ALTER TABLE initial_passwords
  DROP CONSTRAINT initial_passwords_tenant_id_fkey,
  DROP CONSTRAINT initial_passwords_user_id_fkey,
  ADD CONSTRAINT initial_passwords_user_fkey FOREIGN KEY (user_id, tenant_id)
    REFERENCES users (id, tenant_id);
