// The learner form: its values (all strings, as inputs hold them), the client checks that mirror the
// server's rules, and the conversion of values into the POST and PATCH bodies of docs/api.md.
import type { Learner, PasswordPolicy } from '@/lib/types';

// The learner's own text fields, as the API returns them; the form holds them unchanged.
type LearnerTextFields = Pick<
  Learner,
  | 'first_name'
  | 'last_name'
  | 'date_of_birth'
  | 'year_group'
  | 'profile_sign_off'
  | 'manager_adds_qualifications'
  | 'house'
  | 'street'
  | 'locality'
  | 'town'
  | 'postcode'
  | 'telephone'
  | 'uln'
  | 'upn'
  | 'ccis'
  | 'gender'
  | 'ethnicity'
>;

export interface LearnerFormValues extends LearnerTextFields {
  username: string;
  password: string;
  confirm_password: string;
  /** '' when the learner has none */
  email: string;
  /** provider id as a string ('' = not chosen) */
  provider_id: string;
}

/** Fields sent as they are typed, after trimming. */
const TEXT_FIELDS = ['first_name', 'last_name', 'date_of_birth', 'year_group', 'house', 'street', 'locality', 'town', 'postcode', 'telephone', 'uln', 'upn', 'ccis', 'gender', 'ethnicity'] as const;

/** Every editable field of a learner (username and password are not changed through PATCH). */
export const EDITABLE_FIELDS = [...TEXT_FIELDS, 'email', 'provider_id', 'profile_sign_off', 'manager_adds_qualifications'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function emptyLearnerValues(keep: Partial<Pick<LearnerFormValues, 'provider_id' | 'year_group'>> = {}): LearnerFormValues {
  return {
    username: '',
    password: '',
    confirm_password: '',
    first_name: '',
    last_name: '',
    date_of_birth: '',
    email: '',
    year_group: keep.year_group ?? '',
    provider_id: keep.provider_id ?? '',
    profile_sign_off: 'default',
    manager_adds_qualifications: 'default',
    house: '',
    street: '',
    locality: '',
    town: '',
    postcode: '',
    telephone: '',
    uln: '',
    upn: '',
    ccis: '',
    gender: '',
    ethnicity: '',
  };
}

export function valuesFromLearner(l: Learner): LearnerFormValues {
  return {
    ...emptyLearnerValues(),
    username: l.username,
    first_name: l.first_name ?? '',
    last_name: l.last_name ?? '',
    date_of_birth: l.date_of_birth ?? '',
    email: l.email ?? '',
    year_group: l.year_group ?? '',
    provider_id: l.provider_id ? String(l.provider_id) : '',
    profile_sign_off: l.profile_sign_off ?? 'default',
    manager_adds_qualifications: l.manager_adds_qualifications ?? 'default',
    house: l.house ?? '',
    street: l.street ?? '',
    locality: l.locality ?? '',
    town: l.town ?? '',
    postcode: l.postcode ?? '',
    telephone: l.telephone ?? '',
    uln: l.uln ?? '',
    upn: l.upn ?? '',
    ccis: l.ccis ?? '',
    gender: l.gender ?? '',
    ethnicity: l.ethnicity ?? '',
  };
}

export type LearnerBody = Partial<Record<EditableField, string | number | null>> & { username?: string; password?: string; version?: number };

function fieldValue(v: LearnerFormValues, f: EditableField): string | number | null {
  if (f === 'provider_id') return v.provider_id ? Number(v.provider_id) : null;
  if (f === 'email') return v.email.trim() || null;
  if (f === 'profile_sign_off' || f === 'manager_adds_qualifications') return v[f];
  return v[f].trim();
}

/** POST /learners: every field; an empty email is sent as null. */
export function toCreateBody(v: LearnerFormValues): LearnerBody {
  const body: LearnerBody = { username: v.username.trim(), password: v.password };
  for (const f of EDITABLE_FIELDS) body[f] = fieldValue(v, f);
  return body;
}

/** PATCH /learners/{id}: only the fields that differ from the learner as loaded, plus its version. */
export function toPatchBody(v: LearnerFormValues, original: Learner): LearnerBody {
  const before = valuesFromLearner(original);
  const body: LearnerBody = {};
  for (const f of EDITABLE_FIELDS) {
    const now = fieldValue(v, f);
    if (now !== fieldValue(before, f)) body[f] = now;
  }
  body.version = original.version;
  return body;
}

// ---- client checks (the server decides; these say early what it would refuse) ----

export const USERNAME_RULE = 'Between 6 and 127 characters: letters, numbers and @ . _ -';

export function learnerUsernameError(v: string): string | null {
  const s = v.trim();
  if (!s) return 'Enter a username';
  if (s.length < 6 || s.length > 127 || !/^[A-Za-z0-9@._-]+$/.test(s)) return `The username must be ${USERNAME_RULE.toLowerCase()}`;
  return null;
}

export function learnerPasswordError(v: string, policy?: Pick<PasswordPolicy, 'min_length' | 'max_length'>): string | null {
  if (!v) return 'Enter a password';
  const min = policy?.min_length ?? 6;
  const max = policy?.max_length ?? 20;
  if (v.length < min || v.length > max) return `The password must be ${min} to ${max} characters long`;
  if (!/[A-Za-z]/.test(v) || !/[^A-Za-z]/.test(v)) return 'The password must contain at least one letter and at least one number or symbol';
  return null;
}

/** today as YYYY-MM-DD in the user's time zone */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function dateOfBirthError(v: string, now = new Date()): string | null {
  if (!v) return 'Enter the date of birth';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return 'Enter a real date, like 01/04/2008';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return 'Enter a real date, like 01/04/2008';
  if (v >= todayIso(now)) return 'The date of birth must be in the past';
  return null;
}

export function emailError(v: string): string | null {
  const s = v.trim();
  if (!s) return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? null : 'Enter an email address like name@example.org';
}

const required = (message: string) => (v: unknown) => (String(v ?? '').trim() ? null : message);

type Rules = Partial<Record<keyof LearnerFormValues, (value: unknown, values: LearnerFormValues) => string | null>>;

export function learnerRules(mode: 'create' | 'edit', policy?: PasswordPolicy): Rules {
  const rules: Rules = {
    first_name: required('Enter the first name'),
    last_name: required('Enter the last name'),
    date_of_birth: (v) => dateOfBirthError(String(v ?? '')),
    email: (v) => emailError(String(v ?? '')),
    year_group: required('Choose the year group'),
    provider_id: required('Choose the provider'),
  };
  if (mode === 'create') {
    rules.username = (v) => learnerUsernameError(String(v ?? ''));
    rules.password = (v) => learnerPasswordError(String(v ?? ''), policy);
    rules.confirm_password = (v, values) => (v !== values.password ? 'The passwords do not match' : null);
  }
  return rules;
}
