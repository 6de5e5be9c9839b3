// Shapes served by API v1 (docs/api.md).

export type ScopeType = 'tenant' | 'provider' | 'group' | 'employer';

export interface RoleAssignment {
  role: string;
  scope_type: ScopeType;
  scope_id: number | null;
}

export interface User {
  id: number;
  username: string;
  email: string | null;
  first_name: string;
  last_name: string;
  telephone: string | null;
  status: 'active' | 'disabled';
  locked: boolean;
  must_change_password: boolean;
  email_verified: boolean;
  roles: RoleAssignment[];
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PasswordPolicy {
  preset: 'standard' | 'strong' | string;
  min_length: number;
  max_length: number;
  description: string;
}

export interface Me {
  user: User;
  tenant: { id: number; name: string };
  permissions: string[];
  must_change_password: boolean;
  password_policy: PasswordPolicy;
}

export interface Referee {
  name: string;
  position: string;
  telephone: string;
  email: string;
}

export interface Provider {
  id: number;
  name: string;
  ukprn: string;
  local_authority: string;
  /** learners' profiles need a manager's sign-off by default */
  sign_off_profiles: boolean;
  /** false: the learner manager adds qualifications by default */
  learners_add_qualifications: boolean;
  default_referee: Referee;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: number | string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  request_id: string | null;
}

export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface Role {
  name: string;
  label: string;
  description: string;
  permissions: string[];
  scope_types: ScopeType[];
}

export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
  total: number;
  /** the total stopped at a cap (a broad search): there are more than `total` */
  total_capped?: boolean;
}

/** A list that only pages onward (no total): e.g. GET /imports. */
export type CursorPage<T> = Omit<ListPage<T>, 'total'> & { total?: number };

export interface Settings {
  password_policy: 'standard' | 'strong';
  /** read-only here: accounts lock after this many failed sign-ins in a row */
  max_failed_logins: number;
  version: number;
}

/** A learner's choice that can defer to its provider's setting. */
export type ProviderChoice = 'default' | 'yes' | 'no';

export interface LearnerSections {
  key_information: string;
  additional_information: string;
  qualifications: string;
  reference: string;
}

export interface Learner {
  id: number;
  user_id: number;
  username: string;
  first_name: string;
  last_name: string;
  /** YYYY-MM-DD */
  date_of_birth: string;
  email: string | null;
  year_group: string;
  provider_id: number;
  provider_name: string;
  profile_sign_off: ProviderChoice;
  manager_adds_qualifications: ProviderChoice;
  house: string;
  street: string;
  locality: string;
  town: string;
  postcode: string;
  telephone: string;
  uln: string;
  upn: string;
  ccis: string;
  gender: string;
  ethnicity: string;
  sections: LearnerSections;
  /** not_required, incomplete, awaiting or approved */
  approval: string;
  last_login_at: string | null;
  locked: boolean;
  must_change_password: boolean;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A learner as lists show it (GET /learners?view=summary): no address or other personal detail. */
export type LearnerSummary = Pick<
  Learner,
  | 'id'
  | 'user_id'
  | 'username'
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'year_group'
  | 'provider_id'
  | 'provider_name'
  | 'uln'
  | 'sections'
  | 'approval'
  | 'last_login_at'
  | 'locked'
  | 'must_change_password'
  | 'version'
>;

export interface ReferenceItem {
  code: string;
  label: string;
}

export interface Dashboard {
  counts: Record<string, number>;
}

export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPage extends ListPage<AppNotification> {
  unread: number;
}

/** A learner group at a provider (manual 8): tutor, support or teaching groups. */
export interface LearnerGroup {
  id: number;
  provider_id: number;
  provider_name: string;
  name: string;
  /** how many learners are in it; equals GET /learners?group_id= total */
  members: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A learner who has never signed in (manual 7.5), with the password generated for them. */
export interface NeverLoggedInLearner {
  learner_id: number;
  provider_id: number;
  provider_name: string;
  first_name: string;
  last_name: string;
  postcode: string;
  uln: string;
  /** YYYY-MM-DD */
  date_of_birth: string;
  username: string;
  /** the generated password; null when a manager set the password by hand */
  password: string | null;
  created_at: string;
}
