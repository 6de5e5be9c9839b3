import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { mapProblemToFields } from './api-form-errors';

const weak = new ApiError({
  status: 422,
  code: 'validation_failed',
  title: 'Unprocessable',
  errors: [
    { field: 'password', code: 'weak_password', message: 'Use 6 to 20 characters.' },
    { field: 'roles[0].scope_id', code: 'not_found', message: 'No such provider.' },
  ],
});

describe('mapProblemToFields', () => {
  it('puts 422 field errors on the form fields, renaming where the form differs', () => {
    const out = mapProblemToFields(weak, ['new_password', 'confirm_password'], { password: 'new_password' });
    expect(out.fieldErrors).toEqual({ new_password: 'Use 6 to 20 characters.' });
    // a field the form does not have is not lost: it goes to the message at the top
    expect(out.formError).toContain('No such provider.');
  });

  it('gives no form-level message when every error has a field', () => {
    const e = new ApiError({ status: 422, errors: [{ field: 'ukprn', code: 'ukprn_taken', message: 'Another provider has this UKPRN.' }] });
    expect(mapProblemToFields(e, ['name', 'ukprn'])).toEqual({ fieldErrors: { ukprn: 'Another provider has this UKPRN.' }, formError: null });
  });

  it('turns other problems into one message', () => {
    const conflict = new ApiError({ status: 409, code: 'version_conflict', detail: 'stale' });
    expect(mapProblemToFields(conflict, ['name']).formError).toMatch(/someone else changed this record/i);
    const server = new ApiError({ status: 500, request_id: 'abc123' });
    expect(mapProblemToFields(server, ['name']).formError).toContain('abc123');
    expect(mapProblemToFields(new Error('plain'), ['name'])).toEqual({ fieldErrors: {}, formError: 'plain' });
  });
});
