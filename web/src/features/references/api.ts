// The reference endpoints: the manager's draft, saving and completing it, its versions, reopening
// the section, the learner's own view, and the rating scale.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Learner, ListPage, ReferenceItem } from '@/lib/types';
import { dashboardKey, learnerQuery, learnersKey } from '@/features/learners/api';
import type { Reference, ReferenceBody, ReferenceVersion } from './types';

const referenceKey = (learnerId: number) => ['reference-of', learnerId] as const;

export function useReference(learnerId: number) {
  return useQuery({ queryKey: [...referenceKey(learnerId), 'draft'], queryFn: ({ signal }) => api.get<Reference>(`/learners/${learnerId}/reference`, undefined, signal) });
}

export function useReferenceVersions(learnerId: number) {
  return useQuery({
    queryKey: [...referenceKey(learnerId), 'versions'],
    queryFn: ({ signal }) => api.get<ListPage<ReferenceVersion>>(`/learners/${learnerId}/reference/versions`, undefined, signal),
  });
}

export function useOwnReference() {
  return useQuery({ queryKey: ['my-reference'], queryFn: ({ signal }) => api.get<ReferenceVersion>('/me/learner/reference', undefined, signal), retry: false });
}

export function useRatingScale() {
  return useQuery({
    queryKey: ['reference', 'reference-ratings'],
    queryFn: ({ signal }) => api.get<ReferenceItem[]>('/reference/reference-ratings', undefined, signal),
    staleTime: 60 * 60_000,
  });
}

/** A save, a completion or a reopening changes the draft, the versions, the learner's section and the counts. */
function useRefresh(learnerId: number) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: referenceKey(learnerId) }),
      qc.invalidateQueries({ queryKey: learnerQuery(learnerId).queryKey }),
      qc.invalidateQueries({ queryKey: learnersKey }),
      qc.invalidateQueries({ queryKey: dashboardKey }),
    ]);
}

export function useSaveReference(learnerId: number, complete: boolean) {
  const refresh = useRefresh(learnerId);
  return useMutation({
    mutationFn: (body: ReferenceBody) =>
      complete ? api.post<Reference>(`/learners/${learnerId}/reference/complete`, body) : api.put<Reference>(`/learners/${learnerId}/reference`, body),
    onSuccess: () => refresh(),
  });
}

export function useReopenReference(learnerId: number) {
  const refresh = useRefresh(learnerId);
  return useMutation({
    mutationFn: () => api.post<Learner>(`/learners/${learnerId}/sections/reference/reopen`),
    onSuccess: () => refresh(),
  });
}
