-- Learner records: provider defaults, reference lists, learners (each with a user account for
-- signing in) and the lower-cased search keys that make prefix search an index range scan.
ALTER TABLE providers ADD COLUMN local_authority TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN sign_off_profiles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE providers ADD COLUMN learners_add_qualifications INTEGER NOT NULL DEFAULT 1;
ALTER TABLE providers ADD COLUMN referee_name TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN referee_position TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN referee_telephone TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN referee_email TEXT NOT NULL DEFAULT '';

CREATE TABLE reference_items (
  list TEXT NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (list, code)
);

INSERT INTO reference_items (list, code, label, position) VALUES
  ('year-groups', 'year_7', 'Year 7', 1),
  ('year-groups', 'year_8', 'Year 8', 2),
  ('year-groups', 'year_9', 'Year 9', 3),
  ('year-groups', 'year_10', 'Year 10', 4),
  ('year-groups', 'year_11', 'Year 11', 5),
  ('year-groups', 'year_12', 'Year 12', 6),
  ('year-groups', 'year_13', 'Year 13', 7),
  ('year-groups', 'post_16', 'Post-16', 8),
  ('year-groups', 'adult', 'Adult (19+)', 9),
  ('genders', 'female', 'Female', 1),
  ('genders', 'male', 'Male', 2),
  ('genders', 'not_known', 'Not known', 3),
  ('genders', 'not_specified', 'Not specified', 4),
  ('ethnicities', '31', 'White: English, Welsh, Scottish, Northern Irish or British', 1),
  ('ethnicities', '32', 'White: Irish', 2),
  ('ethnicities', '33', 'White: Gypsy or Irish Traveller', 3),
  ('ethnicities', '34', 'White: any other White background', 4),
  ('ethnicities', '35', 'Mixed: White and Black Caribbean', 5),
  ('ethnicities', '36', 'Mixed: White and Black African', 6),
  ('ethnicities', '37', 'Mixed: White and Asian', 7),
  ('ethnicities', '38', 'Mixed: any other mixed or multiple ethnic background', 8),
  ('ethnicities', '39', 'Asian or Asian British: Indian', 9),
  ('ethnicities', '40', 'Asian or Asian British: Pakistani', 10),
  ('ethnicities', '41', 'Asian or Asian British: Bangladeshi', 11),
  ('ethnicities', '42', 'Asian or Asian British: Chinese', 12),
  ('ethnicities', '43', 'Asian or Asian British: any other Asian background', 13),
  ('ethnicities', '44', 'Black, African, Caribbean or Black British: African', 14),
  ('ethnicities', '45', 'Black, African, Caribbean or Black British: Caribbean', 15),
  ('ethnicities', '46', 'Black, African, Caribbean or Black British: any other Black background', 16),
  ('ethnicities', '47', 'Other ethnic group: Arab', 17),
  ('ethnicities', '98', 'Other ethnic group: any other ethnic group', 18),
  ('ethnicities', '99', 'Not provided', 19);

CREATE TABLE learners (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  user_id INTEGER NOT NULL UNIQUE REFERENCES users(id),
  provider_id INTEGER NOT NULL REFERENCES providers(id),
  date_of_birth TEXT NOT NULL,
  year_group TEXT NOT NULL,
  profile_sign_off TEXT NOT NULL DEFAULT 'default',
  manager_adds_qualifications TEXT NOT NULL DEFAULT 'default',
  house TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  locality TEXT NOT NULL DEFAULT '',
  town TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  telephone TEXT NOT NULL DEFAULT '',
  uln TEXT NOT NULL DEFAULT '',
  upn TEXT NOT NULL DEFAULT '',
  ccis TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  ethnicity TEXT NOT NULL DEFAULT '',
  key_information_state TEXT NOT NULL DEFAULT 'incomplete',
  additional_information_state TEXT NOT NULL DEFAULT 'incomplete',
  qualifications_state TEXT NOT NULL DEFAULT 'incomplete',
  reference_state TEXT NOT NULL DEFAULT 'incomplete',
  approval TEXT NOT NULL DEFAULT 'not_approved',
  first_name_key TEXT NOT NULL,
  last_name_key TEXT NOT NULL,
  username_key TEXT NOT NULL,
  email_key TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE INDEX learners_by_last_name ON learners (tenant_id, last_name_key, id);
CREATE INDEX learners_by_provider ON learners (tenant_id, provider_id, last_name_key, id);
CREATE INDEX learners_by_first_name ON learners (tenant_id, first_name_key);
CREATE INDEX learners_by_username ON learners (tenant_id, username_key);
CREATE INDEX learners_by_email ON learners (tenant_id, email_key);
CREATE INDEX learners_by_uln ON learners (tenant_id, uln);
