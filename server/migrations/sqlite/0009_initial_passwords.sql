-- Generated first passwords (issue 4, manual 7.5): a learner created by an import gets a password
-- that managers list and download for distribution until the learner first signs in. It is kept
-- sealed with the server's secret key (auth/secret_box), never in plain text, and the row is
-- deleted at the first sign-in (the learner then has a real argon2id hash) or when a manager sets
-- a new password.
CREATE TABLE initial_passwords (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  sealed TEXT NOT NULL,
  created_at TEXT NOT NULL
);
