-- Dashboard statuses kept with each learner (status_flags, one bit per status) and counted per
-- provider and combination of flags (learner_status_counts), both kept right by triggers on
-- learners, users (sign-in, lock-out) and providers (defaults), whatever code changes them.
-- Bits: 1 never_logged_in, 2 locked_out, 4 incomplete_profile, 8 awaiting_approval,
-- 16 awaiting_qualifications, 32 awaiting_reference (store/learners_repo.cpp names them).
ALTER TABLE learners ADD COLUMN status_flags INTEGER NOT NULL DEFAULT 0;

CREATE TABLE learner_status_counts (
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  provider_id INTEGER NOT NULL REFERENCES providers(id),
  status_flags INTEGER NOT NULL,
  learners INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, provider_id, status_flags)
) WITHOUT ROWID;

-- The one definition of the statuses (manual 5.2): each learner's flags from its own row, its
-- user account and its provider's defaults.
CREATE VIEW learner_status_flags AS
SELECT l.id AS learner_id,
  (CASE WHEN u.last_login_at IS NULL THEN 1 ELSE 0 END)
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
  + (CASE WHEN l.reference_state <> 'complete' THEN 32 ELSE 0 END) AS flags
FROM learners l JOIN users u ON u.id = l.user_id JOIN providers p ON p.id = l.provider_id;

-- Backfill before the triggers exist.
UPDATE learners SET status_flags = (SELECT flags FROM learner_status_flags WHERE learner_id = learners.id);
INSERT INTO learner_status_counts (tenant_id, provider_id, status_flags, learners)
SELECT tenant_id, provider_id, status_flags, COUNT(*) FROM learners WHERE deleted_at IS NULL
GROUP BY tenant_id, provider_id, status_flags;

-- Counter changes add a delta to a row made on demand, so nested trigger firings may apply
-- their deltas in any order (a count may pass through -1 inside one statement).
CREATE TRIGGER learners_status_insert AFTER INSERT ON learners WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT OR IGNORE INTO learner_status_counts (tenant_id, provider_id, status_flags)
  VALUES (NEW.tenant_id, NEW.provider_id, NEW.status_flags);
  UPDATE learner_status_counts SET learners = learners + 1
  WHERE tenant_id = NEW.tenant_id AND provider_id = NEW.provider_id AND status_flags = NEW.status_flags;
END;

-- Inserts that already carry the right flags (the demo seed's) skip the second write.
CREATE TRIGGER learners_status_insert_flags AFTER INSERT ON learners
  WHEN NEW.status_flags IS NOT (SELECT flags FROM learner_status_flags WHERE learner_id = NEW.id)
BEGIN
  UPDATE learners SET status_flags = (SELECT flags FROM learner_status_flags WHERE learner_id = NEW.id)
  WHERE id = NEW.id;
END;

CREATE TRIGGER learners_status_inputs AFTER UPDATE OF user_id, provider_id, profile_sign_off,
  manager_adds_qualifications, key_information_state, additional_information_state,
  qualifications_state, reference_state, approval ON learners
BEGIN
  UPDATE learners SET status_flags = (SELECT flags FROM learner_status_flags WHERE learner_id = NEW.id)
  WHERE id = NEW.id;
END;

CREATE TRIGGER learners_status_count AFTER UPDATE OF tenant_id, provider_id, status_flags, deleted_at
  ON learners
  WHEN OLD.tenant_id <> NEW.tenant_id OR OLD.provider_id <> NEW.provider_id
    OR OLD.status_flags <> NEW.status_flags OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO learner_status_counts (tenant_id, provider_id, status_flags)
  SELECT OLD.tenant_id, OLD.provider_id, OLD.status_flags WHERE OLD.deleted_at IS NULL;
  UPDATE learner_status_counts SET learners = learners - 1 WHERE OLD.deleted_at IS NULL
    AND tenant_id = OLD.tenant_id AND provider_id = OLD.provider_id AND status_flags = OLD.status_flags;
  INSERT OR IGNORE INTO learner_status_counts (tenant_id, provider_id, status_flags)
  SELECT NEW.tenant_id, NEW.provider_id, NEW.status_flags WHERE NEW.deleted_at IS NULL;
  UPDATE learner_status_counts SET learners = learners + 1 WHERE NEW.deleted_at IS NULL
    AND tenant_id = NEW.tenant_id AND provider_id = NEW.provider_id AND status_flags = NEW.status_flags;
END;

CREATE TRIGGER learners_status_delete AFTER DELETE ON learners WHEN OLD.deleted_at IS NULL
BEGIN
  UPDATE learner_status_counts SET learners = learners - 1
  WHERE tenant_id = OLD.tenant_id AND provider_id = OLD.provider_id AND status_flags = OLD.status_flags;
END;

-- A learner's account: signing in for the first time, being locked out or unlocked.
CREATE TRIGGER users_learner_status AFTER UPDATE OF last_login_at, locked ON users
  WHEN (OLD.last_login_at IS NULL) <> (NEW.last_login_at IS NULL) OR OLD.locked <> NEW.locked
BEGIN
  UPDATE learners SET status_flags = (SELECT flags FROM learner_status_flags WHERE learner_id = learners.id)
  WHERE user_id = NEW.id;
END;

-- A provider's defaults decide sign-off and who adds qualifications for all its learners.
CREATE TRIGGER providers_learner_status AFTER UPDATE OF sign_off_profiles,
  learners_add_qualifications ON providers
  WHEN OLD.sign_off_profiles <> NEW.sign_off_profiles
    OR OLD.learners_add_qualifications <> NEW.learners_add_qualifications
BEGIN
  UPDATE learners SET status_flags = (SELECT flags FROM learner_status_flags WHERE learner_id = learners.id)
  WHERE tenant_id = NEW.tenant_id AND provider_id = NEW.id;
END;

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
