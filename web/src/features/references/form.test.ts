// The reference form's values: round trip to the API's shape, the further-details rule and the
// attendance check.
import { describe, expect, it } from 'vitest';
import { CRITERIA, FIELD_MAP, needsFurtherDetails, referenceRules, toBody, valuesFromReference } from './form';
import type { ReferenceContent } from './types';

const content: ReferenceContent = {
  different_referee: true,
  referee: { name: 'Tom Jones', position: 'Head of sixth form', telephone: '01632960002', email: 'tom@example.org' },
  attendance: 95,
  ratings: Object.fromEntries(CRITERIA.map((c) => [c.code, 'good'])),
  further_details: '',
  additional_support: false,
  display_to_learner: null,
};

describe('reference form', () => {
  it('round-trips the API shape', () => {
    const values = valuesFromReference(content);
    expect(values.display_to_learner).toBe('');
    expect(values.additional_support).toBe('no');
    expect(values.rating_punctuality).toBe('good');
    expect(toBody(values, 3)).toEqual({ ...content, version: 3 });
    expect(toBody({ ...values, attendance: ' ' }, 0).attendance).toBeNull();
  });

  it.each([
    ['good', '95', false],
    ['average', '90', false],
    ['below_average', '95', true],
    ['poor', '', true],
    ['excellent', '89', true],
  ])('rating %s with attendance "%s" needs details: %s', (rating, attendance, needed) => {
    const values = { ...valuesFromReference(content), rating_health: rating, attendance };
    expect(needsFurtherDetails(values)).toBe(needed);
  });

  it.each([
    ['', null],
    ['0', null],
    ['100', null],
    ['101', 'Enter a whole percentage from 0 to 100.'],
    ['-1', 'Enter a whole percentage from 0 to 100.'],
    ['9.5', 'Enter a whole percentage from 0 to 100.'],
  ])('attendance "%s"', (value, message) => {
    expect(referenceRules.attendance(value)).toBe(message);
  });

  it('maps every nested server field to a form field', () => {
    expect(FIELD_MAP['ratings.school_life']).toBe('rating_school_life');
    expect(FIELD_MAP['referee.telephone']).toBe('referee_telephone');
  });
});
