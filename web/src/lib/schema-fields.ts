// The fields of each shape in lib/types.ts, listed so that a test can hold them against the
// server's OpenAPI document (e2e/api-contract.spec.ts). The compiler checks each list names every
// field of its type and nothing else, so types.ts and this file cannot drift apart.
import type { Problem } from './api-client';
import type { AppNotification, AuditEvent, Dashboard, Learner, LearnerGroup, Me, NeverLoggedInLearner, OutboxMessage, PasswordPolicy, Provider, Referee, RoleAssignment, Settings, User } from './types';
import type { CatalogueItem, Qualification, QualificationList } from '../features/qualifications/types';
import type { Reference, ReferenceVersion } from '../features/references/types';
import type { Job } from '../features/jobs/types';
import type { DataImport, ImportRowError } from '../features/imports/types';
import type { QualificationExportInput } from '../features/qualification-transfer/types';

type Exact<T, L extends readonly PropertyKey[]> = [Exclude<keyof T, L[number]>, Exclude<L[number], keyof T>] extends [never, never] ? L : never;

function fields<T>() {
  return <const L extends readonly (keyof T)[]>(list: Exact<T, L>) => list;
}

export const SCHEMA_FIELDS = {
  User: fields<User>()(['id', 'username', 'email', 'first_name', 'last_name', 'telephone', 'status', 'locked', 'must_change_password', 'email_verified', 'roles', 'last_login_at', 'created_at', 'updated_at', 'version']),
  Me: fields<Me>()(['user', 'tenant', 'permissions', 'must_change_password', 'password_policy']),
  RoleAssignment: fields<RoleAssignment>()(['role', 'scope_type', 'scope_id']),
  PasswordPolicy: fields<PasswordPolicy>()(['preset', 'min_length', 'max_length', 'description']),
  Provider: fields<Provider>()(['id', 'name', 'ukprn', 'local_authority', 'sign_off_profiles', 'learners_add_qualifications', 'default_referee', 'created_at', 'updated_at', 'version']),
  Referee: fields<Referee>()(['name', 'position', 'telephone', 'email']),
  Learner: fields<Learner>()([
    'id', 'user_id', 'username', 'first_name', 'last_name', 'date_of_birth', 'email', 'year_group', 'provider_id', 'provider_name',
    'profile_sign_off', 'manager_adds_qualifications', 'house', 'street', 'locality', 'town', 'postcode', 'telephone', 'uln', 'upn',
    'ccis', 'gender', 'ethnicity', 'sections', 'approval', 'last_login_at', 'locked', 'must_change_password', 'created_at', 'updated_at', 'version',
  ]),
  Dashboard: fields<Dashboard>()(['counts']),
  AuditEvent: fields<AuditEvent>()(['id', 'at', 'actor_id', 'actor_username', 'action', 'entity_type', 'entity_id', 'changes', 'request_id']),
  OutboxMessage: fields<OutboxMessage>()(['id', 'to', 'subject', 'body', 'status', 'attempts', 'last_error', 'created_at', 'sent_at']),
  Settings: fields<Settings>()(['password_policy', 'max_failed_logins', 'version']),
  Notification: fields<AppNotification>()(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at']),
  Job: fields<Job>()([
    'id', 'kind', 'status', 'progress', 'result', 'result_url', 'error', 'cancel_requested', 'attempts',
    'created_at', 'started_at', 'finished_at', 'requested_by', 'version',
  ]),
  Reference: fields<Reference>()([
    'learner_id', 'state', 'default_referee', 'current_version', 'updated_at', 'version',
    'different_referee', 'referee', 'attendance', 'ratings', 'further_details', 'additional_support', 'display_to_learner',
  ]),
  ReferenceVersion: fields<ReferenceVersion>()([
    'number', 'completed_by', 'completed_by_name', 'completed_at',
    'different_referee', 'referee', 'attendance', 'ratings', 'further_details', 'additional_support', 'display_to_learner',
  ]),
  Group: fields<LearnerGroup>()(['id', 'provider_id', 'provider_name', 'name', 'members', 'created_at', 'updated_at', 'version']),
  Problem: fields<Problem>()(['type', 'title', 'status', 'detail', 'code', 'request_id', 'errors']),
  Qualification: fields<Qualification>()(['id', 'learner_id', 'type', 'subject', 'completed_on', 'predicted_grade', 'actual_grade', 'created_at', 'updated_at', 'version']),
  QualificationList: fields<QualificationList>()(['items', 'next_cursor', 'total', 'section', 'learner_may_add']),
  CatalogueItem: fields<CatalogueItem>()(['id', 'code', 'label', 'retired', 'version']),
  Import: fields<DataImport>()([
    'id', 'kind', 'status', 'filename', 'progress', 'created_count', 'error_count', 'errors', 'errors_truncated', 'rows_with_errors', 'message',
    'requested_by', 'created_at', 'started_at', 'finished_at', 'version',
  ]),
  ImportRowError: fields<ImportRowError>()(['row', 'column', 'value', 'message']),
  QualificationExportInput: fields<QualificationExportInput>()(['year_group', 'group_id']),
  NeverLoggedInLearner: fields<NeverLoggedInLearner>()([
    'learner_id', 'provider_id', 'provider_name', 'first_name', 'last_name', 'postcode', 'uln', 'date_of_birth', 'username', 'password', 'created_at',
  ]),
} as const;
