-- Learner groups (manual section 8): named groups at a provider (tutor groups, support groups…)
-- and which learners belong to them. A learner may be in many groups.
CREATE TABLE learner_groups (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  provider_id INTEGER NOT NULL REFERENCES providers(id),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX learner_groups_unique_name ON learner_groups (tenant_id, provider_id, name_key);

CREATE TABLE learner_group_members (
  group_id INTEGER NOT NULL REFERENCES learner_groups(id) ON DELETE CASCADE,
  learner_id INTEGER NOT NULL REFERENCES learners(id),
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (group_id, learner_id)
);
CREATE INDEX learner_group_members_by_learner ON learner_group_members (learner_id);
