// The fields of each shape in lib/types.ts, listed so that a test can hold them against the
// server's OpenAPI document (e2e/api-contract.spec.ts). The compiler checks each list names every
// field of its type and nothing else, so types.ts and this file cannot drift apart.
import type { Problem } from './api-client';
import type { AuditEvent, Me, OutboxMessage, PasswordPolicy, Provider, RoleAssignment, Settings, User } from './types';

type Exact<T, L extends readonly PropertyKey[]> = [Exclude<keyof T, L[number]>, Exclude<L[number], keyof T>] extends [never, never] ? L : never;

function fields<T>() {
  return <const L extends readonly (keyof T)[]>(list: Exact<T, L>) => list;
}

export const SCHEMA_FIELDS = {
  User: fields<User>()(['id', 'username', 'email', 'first_name', 'last_name', 'telephone', 'status', 'locked', 'must_change_password', 'email_verified', 'roles', 'last_login_at', 'created_at', 'updated_at', 'version']),
  Me: fields<Me>()(['user', 'tenant', 'permissions', 'must_change_password', 'password_policy']),
  RoleAssignment: fields<RoleAssignment>()(['role', 'scope_type', 'scope_id']),
  PasswordPolicy: fields<PasswordPolicy>()(['preset', 'min_length', 'max_length', 'description']),
  Provider: fields<Provider>()(['id', 'name', 'ukprn', 'created_at', 'updated_at', 'version']),
  AuditEvent: fields<AuditEvent>()(['id', 'at', 'actor_id', 'actor_username', 'action', 'entity_type', 'entity_id', 'changes', 'request_id']),
  OutboxMessage: fields<OutboxMessage>()(['id', 'to', 'subject', 'body', 'status', 'attempts', 'last_error', 'created_at', 'sent_at']),
  Settings: fields<Settings>()(['password_policy', 'max_failed_logins', 'version']),
  Problem: fields<Problem>()(['type', 'title', 'status', 'detail', 'code', 'request_id', 'errors']),
} as const;
