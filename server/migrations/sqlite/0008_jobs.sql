-- Durable jobs (DESIGN section 4, jobs/): long work — imports, exports — queued in the database and
-- claimed with a lease by any server instance, so it survives restarts. A job whose worker stops
-- renewing its lease is claimable again once the lease expires (attempts counts the claims).
-- Blobs hold files jobs produce (or are given), content-addressed per tenant.
CREATE TABLE blobs (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  sha256 TEXT NOT NULL,
  content_type TEXT NOT NULL,
  filename TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (tenant_id, sha256)
);

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  kind TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress_done INTEGER NOT NULL DEFAULT 0,
  progress_total INTEGER NOT NULL DEFAULT 0,
  result TEXT,
  result_blob_id INTEGER REFERENCES blobs(id),
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 3,
  lease_owner TEXT,
  lease_expires_at TEXT,
  requested_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  cancel_requested INTEGER NOT NULL DEFAULT 0
);
-- Claiming: queued jobs in order, and running jobs whose lease has expired.
CREATE INDEX jobs_claim ON jobs (status, lease_expires_at, id);
-- A user's jobs, a tenant's jobs of one kind (import history), and changes since a moment (the
-- event stream's cross-instance fallback).
CREATE INDEX jobs_by_requester ON jobs (tenant_id, requested_by, id);
CREATE INDEX jobs_by_kind ON jobs (tenant_id, kind, id);
CREATE INDEX jobs_by_update ON jobs (updated_at);
