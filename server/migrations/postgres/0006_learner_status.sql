-- Dashboard statuses kept with each learner (status_flags, one bit per status) and counted per
-- provider and combination of flags (learner_status_counts), both kept right by triggers on
-- learners, users (sign-in, lock-out) and providers (defaults), whatever code changes them.
-- Bits: 1 never_logged_in, 2 locked_out, 4 incomplete_profile, 8 awaiting_approval,
-- 16 awaiting_qualifications, 32 awaiting_reference (store/learners_repo.cpp names them).
ALTER TABLE learners ADD COLUMN status_flags INTEGER NOT NULL DEFAULT 0;

CREATE TABLE learner_status_counts (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  provider_id BIGINT NOT NULL REFERENCES providers(id),
  status_flags INTEGER NOT NULL,
  learners BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, provider_id, status_flags)
);

-- Prefix search compares the keys as ranges (key >= 'smi' AND key < 'smj'), which matches a
-- prefix only in byte order: the C collation, whatever the database's default.
ALTER TABLE learners
  ALTER COLUMN first_name_key TYPE TEXT COLLATE "C",
  ALTER COLUMN last_name_key TYPE TEXT COLLATE "C",
  ALTER COLUMN username_key TYPE TEXT COLLATE "C",
  ALTER COLUMN email_key TYPE TEXT COLLATE "C",
  ALTER COLUMN uln TYPE TEXT COLLATE "C";

-- The one definition of the statuses (manual 5.2): a learner's flags from its own row, its user
-- account and its provider's defaults.
CREATE FUNCTION learner_status_flags_of(l learners) RETURNS INTEGER LANGUAGE sql STABLE AS $$
SELECT (CASE WHEN u.last_login_at IS NULL THEN 1 ELSE 0 END)
  + (CASE WHEN u.locked = 1 THEN 2 ELSE 0 END)
  + (CASE WHEN l.key_information_state <> 'complete' OR l.additional_information_state <> 'complete'
       OR l.qualifications_state <> 'complete' OR l.reference_state <> 'complete' THEN 4 ELSE 0 END)
  + (CASE WHEN (l.profile_sign_off = 'yes' OR (l.profile_sign_off = 'default'
       AND p.sign_off_profiles = 1)) AND l.key_information_state = 'complete'
       AND l.additional_information_state = 'complete' AND l.qualifications_state = 'complete'
       AND l.reference_state = 'complete' AND l.approval <> 'approved' THEN 8 ELSE 0 END)
  + (CASE WHEN (l.manager_adds_qualifications = 'yes' OR (l.manager_adds_qualifications = 'default'
       AND p.learners_add_qualifications = 0)) AND l.qualifications_state <> 'complete'
       THEN 16 ELSE 0 END)
  + (CASE WHEN l.reference_state <> 'complete' THEN 32 ELSE 0 END)
FROM users u, providers p WHERE u.id = l.user_id AND p.id = l.provider_id
$$;

-- Backfill before the triggers exist.
UPDATE learners SET status_flags = learner_status_flags_of(learners);
INSERT INTO learner_status_counts (tenant_id, provider_id, status_flags, learners)
SELECT tenant_id, provider_id, status_flags, COUNT(*) FROM learners WHERE deleted_at IS NULL
GROUP BY tenant_id, provider_id, status_flags;

CREATE FUNCTION learners_status_flags_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.status_flags := learner_status_flags_of(NEW);
  RETURN NEW;
END;
$$;
CREATE TRIGGER learners_status_flags BEFORE INSERT OR UPDATE ON learners
  FOR EACH ROW EXECUTE FUNCTION learners_status_flags_set();

CREATE FUNCTION learner_status_count_add(t BIGINT, p BIGINT, f INTEGER, delta INTEGER)
  RETURNS void LANGUAGE sql AS $$
INSERT INTO learner_status_counts (tenant_id, provider_id, status_flags, learners)
VALUES (t, p, f, delta)
ON CONFLICT (tenant_id, provider_id, status_flags)
DO UPDATE SET learners = learner_status_counts.learners + EXCLUDED.learners
$$;

-- Moves a learner between counter rows. The two rows are changed in key order, so transactions
-- moving learners in opposite directions at once wait for each other instead of deadlocking.
CREATE FUNCTION learners_status_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.deleted_at IS NULL THEN
      PERFORM learner_status_count_add(NEW.tenant_id, NEW.provider_id, NEW.status_flags, 1);
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.deleted_at IS NULL THEN
      PERFORM learner_status_count_add(OLD.tenant_id, OLD.provider_id, OLD.status_flags, -1);
    END IF;
  ELSIF (OLD.tenant_id, OLD.provider_id, OLD.status_flags) < (NEW.tenant_id, NEW.provider_id, NEW.status_flags) THEN
    IF OLD.deleted_at IS NULL THEN
      PERFORM learner_status_count_add(OLD.tenant_id, OLD.provider_id, OLD.status_flags, -1);
    END IF;
    IF NEW.deleted_at IS NULL THEN
      PERFORM learner_status_count_add(NEW.tenant_id, NEW.provider_id, NEW.status_flags, 1);
    END IF;
  ELSE
    IF NEW.deleted_at IS NULL THEN
      PERFORM learner_status_count_add(NEW.tenant_id, NEW.provider_id, NEW.status_flags, 1);
    END IF;
    IF OLD.deleted_at IS NULL THEN
      PERFORM learner_status_count_add(OLD.tenant_id, OLD.provider_id, OLD.status_flags, -1);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER learners_status_count_insert_delete AFTER INSERT OR DELETE ON learners
  FOR EACH ROW EXECUTE FUNCTION learners_status_count();
CREATE TRIGGER learners_status_count_update AFTER UPDATE ON learners FOR EACH ROW
  WHEN (OLD.tenant_id <> NEW.tenant_id OR OLD.provider_id <> NEW.provider_id
    OR OLD.status_flags <> NEW.status_flags OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION learners_status_count();

-- A learner's account (signing in for the first time, being locked out or unlocked) and a
-- provider's defaults (sign-off, who adds qualifications) change learners' flags: touching the
-- learner rows lets learners_status_flags recompute them.
CREATE FUNCTION users_learner_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE learners SET status_flags = status_flags WHERE user_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER users_learner_status AFTER UPDATE OF last_login_at, locked ON users FOR EACH ROW
  WHEN ((OLD.last_login_at IS NULL) <> (NEW.last_login_at IS NULL) OR OLD.locked <> NEW.locked)
  EXECUTE FUNCTION users_learner_status();

CREATE FUNCTION providers_learner_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE learners SET status_flags = status_flags
  WHERE tenant_id = NEW.tenant_id AND provider_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER providers_learner_status AFTER UPDATE OF sign_off_profiles,
  learners_add_qualifications ON providers FOR EACH ROW
  WHEN (OLD.sign_off_profiles <> NEW.sign_off_profiles
    OR OLD.learners_add_qualifications <> NEW.learners_add_qualifications)
  EXECUTE FUNCTION providers_learner_status();

-- The name and key indexes also carry the columns lists filter on, so a search's matches are
-- counted, and rows of other statuses or providers skipped, without reading the rows; the id
-- right after each key keeps the (key, id) order that pages walk.
DROP INDEX learners_by_last_name;
CREATE INDEX learners_by_last_name
  ON learners (tenant_id, last_name_key, id, provider_id, status_flags, deleted_at);
DROP INDEX learners_by_provider;
CREATE INDEX learners_by_provider
  ON learners (tenant_id, provider_id, last_name_key, id, status_flags, deleted_at);
DROP INDEX learners_by_first_name;
CREATE INDEX learners_by_first_name
  ON learners (tenant_id, first_name_key, id, provider_id, status_flags, deleted_at);
DROP INDEX learners_by_username;
CREATE INDEX learners_by_username
  ON learners (tenant_id, username_key, id, provider_id, status_flags, deleted_at);
DROP INDEX learners_by_email;
CREATE INDEX learners_by_email ON learners (tenant_id, email_key, id, provider_id, status_flags, deleted_at);
DROP INDEX learners_by_uln;
CREATE INDEX learners_by_uln ON learners (tenant_id, uln, id, provider_id, status_flags, deleted_at);

-- Pages in creation order (?sort=created_at) walk the live rows of the tenant by id.
CREATE INDEX learners_by_created ON learners (tenant_id, deleted_at, id);
