// The qualification form's values, its client checks (the server checks everything again) and the
// request bodies: the month and year the user picks become completed_on "YYYY-MM".
import type { Qualification, QualificationBody } from './types';

export interface QualificationFormValues {
  type: string;
  subject: string;
  completed_month: string; // "01"…"12"
  completed_year: string; // "2026"
  predicted_grade: string;
  actual_grade: string;
}

export const EMPTY_QUALIFICATION: QualificationFormValues = { type: '', subject: '', completed_month: '', completed_year: '', predicted_grade: '', actual_grade: '' };

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((label, i) => ({
  value: String(i + 1).padStart(2, '0'),
  label,
}));

/** The years offered, newest first: as far ahead as the server accepts (six years) back to 1950. */
export function completionYears(now = new Date()): string[] {
  const years: string[] = [];
  for (let y = now.getFullYear() + 6; y >= 1950; y--) years.push(String(y));
  return years;
}

/** "June 2026" for "2026-06". */
export function formatMonth(completedOn: string): string {
  const [year, month] = completedOn.split('-');
  const name = MONTHS.find((m) => m.value === month)?.label;
  return name ? `${name} ${year}` : completedOn;
}

export function valuesFromQualification(q: Qualification): QualificationFormValues {
  const [year, month] = q.completed_on.split('-');
  return {
    type: q.type.code,
    subject: q.subject.code,
    completed_month: month ?? '',
    completed_year: year ?? '',
    predicted_grade: q.predicted_grade?.code ?? '',
    actual_grade: q.actual_grade?.code ?? '',
  };
}

const GRADE_NEEDED = 'Choose a predicted grade, an actual grade or both.';

export const qualificationRules = {
  type: (v: unknown) => (v ? null : 'Choose the type of qualification.'),
  subject: (v: unknown) => (v ? null : 'Choose the subject.'),
  completed_month: (v: unknown) => (v ? null : 'Choose the month.'),
  completed_year: (v: unknown) => (v ? null : 'Choose the year.'),
  predicted_grade: (v: unknown, values: QualificationFormValues) => (v || values.actual_grade ? null : GRADE_NEEDED),
  actual_grade: (v: unknown, values: QualificationFormValues) => (v || values.predicted_grade ? null : GRADE_NEEDED),
};

/** Every field for POST; for PATCH (`version` given) the same plus the version, grades cleared with null. */
export function toBody(v: QualificationFormValues, version?: number): QualificationBody {
  const body: QualificationBody = {
    type: v.type,
    subject: v.subject,
    completed_on: `${v.completed_year}-${v.completed_month}`,
    predicted_grade: v.predicted_grade || null,
    actual_grade: v.actual_grade || null,
  };
  if (version !== undefined) body.version = version;
  return body;
}

/** The server names the month field completed_on; the form shows it beside the month. */
export const QUALIFICATION_FIELD_MAP = { completed_on: 'completed_month' };
