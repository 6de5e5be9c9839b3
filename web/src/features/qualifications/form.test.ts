// The qualification form's conversions and checks.
import { describe, expect, it } from 'vitest';
import { completionYears, EMPTY_QUALIFICATION, formatMonth, qualificationRules, toBody, valuesFromQualification } from './form';
import type { Qualification } from './types';

const q: Qualification = {
  id: 4,
  learner_id: 9,
  type: { code: 'gcse', label: 'GCSE (9–1)' },
  subject: { code: 'mathematics', label: 'Mathematics' },
  completed_on: '2024-08',
  predicted_grade: null,
  actual_grade: { code: '7', label: '7' },
  created_at: '',
  updated_at: '',
  version: 3,
};

describe('qualification form', () => {
  it('turns month and year into completed_on and back', () => {
    const values = valuesFromQualification(q);
    expect(values).toMatchObject({ completed_month: '08', completed_year: '2024', actual_grade: '7', predicted_grade: '' });
    expect(toBody(values)).toEqual({ type: 'gcse', subject: 'mathematics', completed_on: '2024-08', predicted_grade: null, actual_grade: '7' });
    expect(toBody(values, 3).version).toBe(3);
  });

  it('names months in words', () => {
    expect(formatMonth('2026-06')).toBe('June 2026');
    expect(formatMonth('odd')).toBe('odd');
  });

  it('offers years from six ahead back to 1950', () => {
    const years = completionYears(new Date('2026-12-01'));
    expect(years[0]).toBe('2032');
    expect(years[years.length - 1]).toBe('1950');
  });

  it('needs at least one grade', () => {
    const none = { ...EMPTY_QUALIFICATION };
    expect(qualificationRules.predicted_grade('', none)).not.toBeNull();
    expect(qualificationRules.actual_grade('', { ...none, predicted_grade: '9' })).toBeNull();
    expect(qualificationRules.type('')).not.toBeNull();
  });
});
