-- Learner references (manual 5.5): the rating scale, the working draft of each learner, and the
-- numbered versions recorded on "Complete reference details". A reference is read and written
-- whole and never queried by its fields, so its content is JSON text (domain/reference_rules).
-- Versions are never updated or deleted: an application snapshots the one current when submitted.
INSERT INTO reference_items (list, code, label, position) VALUES
  ('reference-ratings', 'excellent', 'Excellent', 1),
  ('reference-ratings', 'good', 'Good', 2),
  ('reference-ratings', 'average', 'Average', 3),
  ('reference-ratings', 'below_average', 'Below average', 4),
  ('reference-ratings', 'poor', 'Poor', 5);

CREATE TABLE learner_references (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  learner_id INTEGER NOT NULL UNIQUE REFERENCES learners(id),
  content TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE learner_reference_versions (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  learner_id INTEGER NOT NULL REFERENCES learners(id),
  number INTEGER NOT NULL,
  content TEXT NOT NULL,
  completed_by INTEGER REFERENCES users(id),
  completed_at TEXT NOT NULL,
  UNIQUE (learner_id, number)
);
