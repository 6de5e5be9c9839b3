// The reference template as form values (manual 5.5): flat fields so the shared ApiForm can put
// each 422 error beside its field, the conversion to and from the API's shape, and the rules
// the page shows before the server checks them.
import type { ReferenceBody, ReferenceContent } from './types';

/** The criteria in the manual's order; the codes are the server's (domain/reference_rules). */
export const CRITERIA = [
  { code: 'relationship_with_staff', label: 'Relationship with staff' },
  { code: 'relationship_with_students', label: 'Relationship with other students' },
  { code: 'self_discipline', label: 'Self discipline' },
  { code: 'punctuality', label: 'Punctuality' },
  { code: 'academic_ability', label: 'General academic ability' },
  { code: 'health', label: 'Health' },
  { code: 'school_life', label: 'Involvement in school life' },
  { code: 'behaviour', label: 'Behaviour' },
  { code: 'commitment_to_learning', label: 'Commitment to learning' },
] as const;

/** Below this attendance (%) further details are needed, as for a below-average rating. */
export const ATTENDANCE_NEEDING_DETAILS = 90;
const BELOW_AVERAGE = ['below_average', 'poor'];

type YesNo = '' | 'yes' | 'no';
export type ReferenceFormValues = {
  different_referee: boolean;
  referee_name: string;
  referee_position: string;
  referee_telephone: string;
  referee_email: string;
  attendance: string;
  further_details: string;
  additional_support: YesNo;
  display_to_learner: YesNo;
} & Record<`rating_${(typeof CRITERIA)[number]['code']}`, string>;

/** Server field → form field, for the 422 errors ApiForm places. */
export const FIELD_MAP: Record<string, string> = {
  referee: 'different_referee',
  'referee.name': 'referee_name',
  'referee.position': 'referee_position',
  'referee.telephone': 'referee_telephone',
  'referee.email': 'referee_email',
  ...Object.fromEntries(CRITERIA.map((c) => [`ratings.${c.code}`, `rating_${c.code}`])),
};

const yesNo = (b: boolean | null): YesNo => (b === null ? '' : b ? 'yes' : 'no');
const fromYesNo = (v: YesNo): boolean | null => (v === '' ? null : v === 'yes');

export function valuesFromReference(r: ReferenceContent): ReferenceFormValues {
  const values = {
    different_referee: r.different_referee,
    referee_name: r.referee.name,
    referee_position: r.referee.position,
    referee_telephone: r.referee.telephone,
    referee_email: r.referee.email,
    attendance: r.attendance === null ? '' : String(r.attendance),
    further_details: r.further_details,
    additional_support: yesNo(r.additional_support),
    display_to_learner: yesNo(r.display_to_learner),
  } as ReferenceFormValues;
  for (const c of CRITERIA) values[`rating_${c.code}`] = r.ratings[c.code] ?? '';
  return values;
}

export function toBody(v: ReferenceFormValues, version: number): ReferenceBody {
  const attendance = v.attendance.trim();
  return {
    different_referee: v.different_referee,
    referee: { name: v.referee_name, position: v.referee_position, telephone: v.referee_telephone, email: v.referee_email },
    // a value the client rules refuse never gets here; a blank one is "not given yet"
    attendance: attendance === '' ? null : Number(attendance),
    ratings: Object.fromEntries(CRITERIA.map((c) => [c.code, v[`rating_${c.code}`]])),
    further_details: v.further_details,
    additional_support: fromYesNo(v.additional_support),
    display_to_learner: fromYesNo(v.display_to_learner),
    version,
  };
}

/** Whether the values so far make further details necessary. */
export function needsFurtherDetails(v: ReferenceFormValues): boolean {
  const attendance = v.attendance.trim();
  if (attendance !== '' && Number(attendance) < ATTENDANCE_NEEDING_DETAILS) return true;
  return CRITERIA.some((c) => BELOW_AVERAGE.includes(v[`rating_${c.code}`]));
}

/** Checks a draft may hold (completeness is the server's check, shown beside the fields). */
export const referenceRules = {
  attendance: (value: unknown) => {
    const text = String(value ?? '').trim();
    if (text === '') return null;
    return /^\d{1,3}$/.test(text) && Number(text) <= 100 ? null : 'Enter a whole percentage from 0 to 100.';
  },
};

