// A learner's profile as a set of sections, reached two ways: a manager at /learners/{id}, the
// learner themselves at /me/learner. One set of hooks serves both, keyed by that base path.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Learner } from '@/lib/types';
import { dashboardKey, learnerQuery, learnersKey } from './api';
import type { LearnerBody } from './form';

export type ProfileOwner = { kind: 'manager'; learnerId: number } | { kind: 'self' };

export type SectionCode = 'key_information' | 'additional_information' | 'qualifications' | 'reference';

export function profileBase(owner: ProfileOwner): string {
  return owner.kind === 'self' ? '/me/learner' : `/learners/${owner.learnerId}`;
}

export const ownProfileQuery = () =>
  queryOptions({ queryKey: ['me-learner'], queryFn: ({ signal }) => api.get<Learner>('/me/learner', undefined, signal) });

export function useOwnProfile() {
  return useQuery(ownProfileQuery());
}

/** Every change answers with the learner as saved: keep it, and refresh the lists and counts. */
function useSaveLearner(owner: ProfileOwner) {
  const qc = useQueryClient();
  return (l: Learner) => {
    qc.setQueryData(owner.kind === 'self' ? ownProfileQuery().queryKey : learnerQuery(l.id).queryKey, l);
    if (owner.kind === 'self') return qc.invalidateQueries({ queryKey: ['notifications'] });
    return Promise.all([qc.invalidateQueries({ queryKey: learnersKey, predicate: (q) => q.queryKey[1] !== 'one' }), qc.invalidateQueries({ queryKey: dashboardKey })]);
  };
}

export function useUpdateProfile(owner: ProfileOwner) {
  const save = useSaveLearner(owner);
  return useMutation({ mutationFn: (body: LearnerBody) => api.patch<Learner>(profileBase(owner), body), onSuccess: save });
}

export function useSetSection(owner: ProfileOwner) {
  const save = useSaveLearner(owner);
  return useMutation({
    mutationFn: ({ section, complete }: { section: SectionCode; complete: boolean }) =>
      api.post<Learner>(`${profileBase(owner)}/sections/${section}/${complete ? 'complete' : 'reopen'}`),
    onSuccess: save,
  });
}

export function useSetApproval(learnerId: number) {
  const save = useSaveLearner({ kind: 'manager', learnerId });
  return useMutation({
    mutationFn: (approve: boolean) => api.post<Learner>(`/learners/${learnerId}/${approve ? 'approve' : 'unapprove'}`),
    onSuccess: save,
  });
}
