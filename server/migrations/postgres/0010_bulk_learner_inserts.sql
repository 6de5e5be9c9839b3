-- Bulk learner inserts (the learner import, issue 4): a transaction that sets
-- lt.bulk_learner_insert to 'on' (SET LOCAL) inserts learners with their status flags already
-- computed and adds to learner_status_counts once per (provider, flags) itself, so the per-row
-- triggers of migration 0006 step aside for its inserts. 100,000 increments of the same counter
-- row in one transaction otherwise take minutes (each leaves a dead row version to step over).
-- Updates and deletes, and every other transaction, are counted by the triggers as before.
CREATE OR REPLACE FUNCTION learners_status_flags_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('lt.bulk_learner_insert', true) = 'on' THEN
    RETURN NEW;
  END IF;
  NEW.status_flags := learner_status_flags_of(NEW);
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION learners_status_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF current_setting('lt.bulk_learner_insert', true) = 'on' THEN
      RETURN NULL;
    END IF;
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
