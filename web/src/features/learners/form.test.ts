import { describe, expect, it } from 'vitest';
import type { Learner } from '@/lib/types';
import {
  dateOfBirthError,
  emailError,
  emptyLearnerValues,
  learnerPasswordError,
  learnerRules,
  learnerUsernameError,
  todayIso,
  toCreateBody,
  toPatchBody,
  valuesFromLearner,
  type LearnerFormValues,
} from './form';

const learner: Learner = {
  id: 12, user_id: 40, username: 'bob.learner1', first_name: 'Bob', last_name: 'Learner', date_of_birth: '2008-04-01', email: null,
  year_group: 'year_12', provider_id: 3, provider_name: 'UCAS Training School', profile_sign_off: 'default', manager_adds_qualifications: 'default',
  house: '12', street: 'High Street', locality: '', town: 'Cheltenham', postcode: 'GL50 3SH', telephone: '01632 960001', uln: '9276308686',
  upn: 'B801200005001', ccis: '', gender: 'female', ethnicity: '31',
  sections: { key_information: 'incomplete', additional_information: 'incomplete', qualifications: 'incomplete', reference: 'incomplete' },
  approval: 'not_required', last_login_at: null, locked: false, must_change_password: true, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', version: 4,
};

function filled(): LearnerFormValues {
  return {
    ...emptyLearnerValues(),
    username: '  bob.learner1 ',
    password: 'Start123!',
    confirm_password: 'Start123!',
    first_name: ' Bob ',
    last_name: 'Learner',
    date_of_birth: '2008-04-01',
    year_group: 'year_12',
    provider_id: '3',
    manager_adds_qualifications: 'yes',
    postcode: ' GL50 3SH ',
  };
}

describe('learner form → request body', () => {
  it('sends every field of the contract on create, trimmed, with provider as a number and no confirmation', () => {
    const body = toCreateBody(filled());
    expect(body).toEqual({
      username: 'bob.learner1',
      password: 'Start123!',
      first_name: 'Bob',
      last_name: 'Learner',
      date_of_birth: '2008-04-01',
      email: null,
      year_group: 'year_12',
      provider_id: 3,
      profile_sign_off: 'default',
      manager_adds_qualifications: 'yes',
      house: '',
      street: '',
      locality: '',
      town: '',
      postcode: 'GL50 3SH',
      telephone: '',
      uln: '',
      upn: '',
      ccis: '',
      gender: '',
      ethnicity: '',
    });
    expect(body).not.toHaveProperty('confirm_password');
  });

  it('sends an email when there is one, and null for an unchosen provider', () => {
    const body = toCreateBody({ ...filled(), email: ' bob@example.org ', provider_id: '' });
    expect(body.email).toBe('bob@example.org');
    expect(body.provider_id).toBeNull();
  });

  it('round-trips a learner into the form', () => {
    const v = valuesFromLearner(learner);
    expect(v.provider_id).toBe('3');
    expect(v.email).toBe('');
    expect(v.password).toBe('');
    expect(v.ethnicity).toBe('31');
  });

  it('patches only what changed, with the version read', () => {
    const v = valuesFromLearner(learner);
    expect(toPatchBody(v, learner)).toEqual({ version: 4 });
    expect(toPatchBody({ ...v, town: ' Gloucester ', email: 'bob@example.org', provider_id: '5', profile_sign_off: 'no' }, learner)).toEqual({
      town: 'Gloucester',
      email: 'bob@example.org',
      provider_id: 5,
      profile_sign_off: 'no',
      version: 4,
    });
  });

  it('clears an email by sending null', () => {
    const withEmail = { ...learner, email: 'bob@example.org' };
    expect(toPatchBody({ ...valuesFromLearner(withEmail), email: '  ' }, withEmail)).toEqual({ email: null, version: 4 });
  });

  it('keeps provider and year group when clearing for the next learner', () => {
    const v = emptyLearnerValues({ provider_id: '3', year_group: 'year_9' });
    expect(v.provider_id).toBe('3');
    expect(v.year_group).toBe('year_9');
    expect(v.username).toBe('');
    expect(v.profile_sign_off).toBe('default');
  });
});

describe('learner form checks', () => {
  it('checks the username as the manual says (6 to 127 of letters, numbers, @ . _ -)', () => {
    expect(learnerUsernameError('')).toBe('Enter a username');
    expect(learnerUsernameError('abcde')).toMatch(/6 and 127/);
    expect(learnerUsernameError('bob learner')).toMatch(/6 and 127/);
    expect(learnerUsernameError('a'.repeat(128))).toMatch(/6 and 127/);
    expect(learnerUsernameError('bob.learner@x_y-z')).toBeNull();
  });

  it('checks the password: 6 to 20, a letter and a number or symbol', () => {
    expect(learnerPasswordError('')).toBe('Enter a password');
    expect(learnerPasswordError('ab1')).toMatch(/6 to 20/);
    expect(learnerPasswordError('abcdefgh')).toMatch(/letter/);
    expect(learnerPasswordError('12345678')).toMatch(/letter/);
    expect(learnerPasswordError('abcdef!')).toBeNull();
    expect(learnerPasswordError('abcdefghij1', { min_length: 12, max_length: 64 })).toMatch(/12 to 64/);
  });

  it('checks the date of birth is a real date in the past', () => {
    const now = new Date(2026, 5, 15);
    expect(todayIso(now)).toBe('2026-06-15');
    expect(dateOfBirthError('', now)).toBe('Enter the date of birth');
    expect(dateOfBirthError('2008-02-30', now)).toMatch(/real date/);
    expect(dateOfBirthError('2026-06-15', now)).toMatch(/past/);
    expect(dateOfBirthError('2008-04-01', now)).toBeNull();
  });

  it('accepts no email, or a plausible one', () => {
    expect(emailError('')).toBeNull();
    expect(emailError('bob@example')).toMatch(/name@example.org/);
    expect(emailError('bob@example.org')).toBeNull();
  });

  it('asks for login fields only when creating', () => {
    const create = learnerRules('create');
    const edit = learnerRules('edit');
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['username', 'password', 'confirm_password', 'provider_id', 'year_group']));
    expect(edit.username).toBeUndefined();
    expect(create.confirm_password!('x', { ...filled(), password: 'y' })).toBe('The passwords do not match');
    expect(create.provider_id!('', filled())).toBe('Choose the provider');
  });
});
