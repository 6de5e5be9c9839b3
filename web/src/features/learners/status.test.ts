import { describe, expect, it } from 'vitest';
import { approvalState, dashboardEntries, humanise, isLearnerStatus, learnersLink, LEARNER_STATUSES, sectionState, statusLabel } from './status';

describe('learner statuses', () => {
  it('has the six status codes of the API with labels', () => {
    expect(LEARNER_STATUSES.map((s) => s.code)).toEqual([
      'never_logged_in',
      'locked_out',
      'incomplete_profile',
      'awaiting_approval',
      'awaiting_qualifications',
      'awaiting_reference',
    ]);
    expect(statusLabel('awaiting_approval')).toBe('Awaiting profile approval');
    expect(statusLabel('never_logged_in')).toBe('Never logged in');
    expect(statusLabel('something_new')).toBe('something_new');
  });

  it('recognises status codes', () => {
    expect(isLearnerStatus('locked_out')).toBe(true);
    expect(isLearnerStatus('locked')).toBe(false);
    expect(isLearnerStatus(null)).toBe(false);
  });

  it('links each count to its filtered list', () => {
    expect(learnersLink()).toBe('/learners');
    expect(learnersLink('locked_out')).toBe('/learners?status=locked_out');
  });
});

describe('dashboard entries', () => {
  it('lists all learners first, then each status in the manual’s order and words', () => {
    const e = dashboardEntries({ learners: 10, never_logged_in: 4, locked_out: 1, incomplete_profile: 9, awaiting_approval: 0, awaiting_qualifications: 2, awaiting_reference: 3 });
    expect(e.map((x) => [x.label, x.count, x.to])).toEqual([
      ['Learners', 10, '/learners'],
      ['Never logged in', 4, '/learners?status=never_logged_in'],
      ['Locked out', 1, '/learners?status=locked_out'],
      ['With incomplete profiles', 9, '/learners?status=incomplete_profile'],
      ['Awaiting profile approval', 0, '/learners?status=awaiting_approval'],
      ['Learners awaiting qualifications', 2, '/learners?status=awaiting_qualifications'],
      ['Learners awaiting references', 3, '/learners?status=awaiting_reference'],
    ]);
  });

  it('reads a missing count as 0', () => {
    expect(dashboardEntries(undefined).every((x) => x.count === 0)).toBe(true);
    expect(dashboardEntries({ learners: 2 })[2].count).toBe(0);
  });
});

describe('section and approval states', () => {
  it('words each known state and never relies on colour alone', () => {
    expect(sectionState('complete')).toEqual({ label: 'Complete', tone: 'green' });
    expect(sectionState('incomplete')).toEqual({ label: 'Incomplete', tone: 'orange' });
    expect(sectionState('waiting_for_referee')).toEqual({ label: 'Waiting for referee', tone: 'gray' });
    expect(sectionState(undefined).label).toBe('Unknown');
    expect(approvalState('awaiting').label).toBe('Awaiting approval');
    expect(approvalState('approved').tone).toBe('green');
    expect(approvalState('not_required').label).toBe('Approval not required');
    expect(approvalState('incomplete').label).toBe('Not ready for approval');
  });

  it('humanises snake_case codes', () => {
    expect(humanise('not_known')).toBe('Not known');
    expect(humanise('')).toBe('');
  });
});
