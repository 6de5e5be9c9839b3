import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { assignmentErrors, roleErrorsFromProblem } from './RoleAssignmentsEditor';

describe('role assignment errors', () => {
  it('puts server errors like roles[1].scope_id on the matching row', () => {
    const e = new ApiError({ status: 422, errors: [{ field: 'roles[1].scope_id', code: 'unknown_provider', message: 'That provider does not exist.' }, { field: 'email', code: 'required', message: 'x' }] });
    expect(roleErrorsFromProblem(e, 2)).toEqual([null, 'That provider does not exist.']);
  });

  it('asks for a provider when the scope is a provider', () => {
    expect(assignmentErrors([{ role: 'viewer', scope_type: 'tenant', scope_id: null }, { role: 'viewer', scope_type: 'provider', scope_id: null }, { role: '', scope_type: 'tenant', scope_id: null }])).toEqual([null, 'Choose a provider', 'Choose a role']);
  });
});
