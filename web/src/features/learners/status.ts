// Learner statuses, section states and approval: the codes the API uses and the words the UI shows.

export const LEARNER_STATUSES = [
  { code: 'never_logged_in', label: 'Never logged in', dashboard: 'Never logged in' },
  { code: 'locked_out', label: 'Locked out', dashboard: 'Locked out' },
  { code: 'incomplete_profile', label: 'Incomplete profile', dashboard: 'With incomplete profiles' },
  { code: 'awaiting_approval', label: 'Awaiting profile approval', dashboard: 'Awaiting profile approval' },
  { code: 'awaiting_qualifications', label: 'Awaiting qualifications', dashboard: 'Learners awaiting qualifications' },
  { code: 'awaiting_reference', label: 'Awaiting reference', dashboard: 'Learners awaiting references' },
] as const;

export type LearnerStatus = (typeof LEARNER_STATUSES)[number]['code'];

export function isLearnerStatus(code: string | null | undefined): code is LearnerStatus {
  return LEARNER_STATUSES.some((s) => s.code === code);
}

/** The label of a status filter; an unknown code is shown as it is. */
export function statusLabel(code: string): string {
  return LEARNER_STATUSES.find((s) => s.code === code)?.label ?? code;
}

/** The learner list a dashboard count stands for. */
export function learnersLink(status?: string | null): string {
  return status ? `/learners?status=${encodeURIComponent(status)}` : '/learners';
}

export interface DashboardEntry {
  key: string;
  label: string;
  count: number;
  to: string;
}

/** The dashboard's rows in the manual's order: all learners, then each status. Missing counts read 0. */
export function dashboardEntries(counts: Record<string, number> | undefined): DashboardEntry[] {
  const c = counts ?? {};
  return [
    { key: 'learners', label: 'Learners', count: c.learners ?? 0, to: learnersLink() },
    ...LEARNER_STATUSES.map((s) => ({ key: s.code, label: s.dashboard, count: c[s.code] ?? 0, to: learnersLink(s.code) })),
  ];
}

export const SECTIONS = [
  { key: 'key_information', label: 'Key information', short: 'Key info' },
  { key: 'additional_information', label: 'Additional information', short: 'Additional' },
  { key: 'qualifications', label: 'Qualifications', short: 'Qualifications' },
  { key: 'reference', label: 'Reference', short: 'Reference' },
] as const;

export type Tone = 'green' | 'orange' | 'gray' | 'blue' | 'red';

const SECTION_STATES: Record<string, { label: string; tone: Tone }> = {
  complete: { label: 'Complete', tone: 'green' },
  incomplete: { label: 'Incomplete', tone: 'orange' },
  in_progress: { label: 'In progress', tone: 'blue' },
  not_required: { label: 'Not required', tone: 'gray' },
};

/** "incomplete" → Incomplete (orange); an unknown state is spelt out from its code. */
export function sectionState(state: string | null | undefined): { label: string; tone: Tone } {
  if (state && SECTION_STATES[state]) return SECTION_STATES[state];
  return { label: humanise(state ?? '') || 'Unknown', tone: 'gray' };
}

const APPROVAL: Record<string, { label: string; tone: Tone }> = {
  not_required: { label: 'Approval not required', tone: 'gray' },
  incomplete: { label: 'Not ready for approval', tone: 'gray' },
  awaiting: { label: 'Awaiting approval', tone: 'orange' },
  approved: { label: 'Approved', tone: 'green' },
};

export function approvalState(approval: string | null | undefined): { label: string; tone: Tone } {
  if (approval && APPROVAL[approval]) return APPROVAL[approval];
  return { label: humanise(approval ?? '') || 'Unknown', tone: 'gray' };
}

/** snake_case code → "Sentence case words". */
export function humanise(code: string): string {
  const s = code.replace(/_/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
