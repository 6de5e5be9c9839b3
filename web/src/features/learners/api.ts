// Learners, the dashboard counts and the reference lists the learner form offers.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, buildQuery, type Query } from '@/lib/api-client';
import type { Dashboard, Learner, LearnerSummary, ListPage, ReferenceItem } from '@/lib/types';
import type { LearnerBody } from './form';

export const learnersKey = ['learners'] as const;
export const dashboardKey = ['dashboard'] as const;

/** A page of learners as lists show them: the summary view, so no page carries addresses it does not show. */
export function listLearners(params: Query, signal?: AbortSignal) {
  return api.get<ListPage<LearnerSummary>>('/learners', { ...params, view: 'summary' }, signal);
}

/** The whole list with these filters (no paging) as a file the server makes: learners.xlsx or learners.csv. */
export function learnersDownloadUrl(format: 'xlsx' | 'csv', filters: Query): string {
  return `${API_BASE}/learners.${format}${buildQuery(filters)}`;
}

export const learnerQuery = (id: number) =>
  queryOptions({ queryKey: [...learnersKey, 'one', id], queryFn: ({ signal }) => api.get<Learner>(`/learners/${id}`, undefined, signal) });

export function useLearner(id: number) {
  return useQuery(learnerQuery(id));
}

export function useDashboard(enabled = true) {
  return useQuery({ queryKey: dashboardKey, queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', undefined, signal), enabled });
}

export type ReferenceList = 'year-groups' | 'genders' | 'ethnicities';

export function useReferenceList(list: ReferenceList) {
  return useQuery({
    queryKey: ['reference', list],
    queryFn: ({ signal }) => api.get<ReferenceItem[]>(`/reference/${list}`, undefined, signal),
    staleTime: 60 * 60_000,
  });
}

/** Anything that changes a learner changes the lists and the dashboard counts too. */
function useInvalidateLearners() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: learnersKey }), qc.invalidateQueries({ queryKey: dashboardKey })]);
}

export function useCreateLearner() {
  const invalidate = useInvalidateLearners();
  return useMutation({
    mutationFn: (body: LearnerBody) => api.post<Learner>('/learners', body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateLearner(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidateLearners();
  return useMutation({
    mutationFn: (body: LearnerBody) => api.patch<Learner>(`/learners/${id}`, body),
    onSuccess: (l) => {
      qc.setQueryData(learnerQuery(id).queryKey, l);
      return invalidate();
    },
  });
}

export function useUnlockLearner() {
  const qc = useQueryClient();
  const invalidate = useInvalidateLearners();
  return useMutation({
    mutationFn: (id: number) => api.post<Learner>(`/learners/${id}/unlock`),
    onSuccess: (l) => {
      qc.setQueryData(learnerQuery(l.id).queryKey, l);
      return invalidate();
    },
  });
}

export function useResetLearnerPassword() {
  const invalidate = useInvalidateLearners();
  return useMutation({
    mutationFn: (id: number) => api.post<{ password: string }>(`/learners/${id}/reset-password`),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteLearner() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/learners/${id}`),
    // the deleted learner's own page is left alone (it navigates away); lists and counts refresh
    onSuccess: (_r, id) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: learnersKey, predicate: (q) => !(q.queryKey[1] === 'one' && q.queryKey[2] === id) }),
        qc.invalidateQueries({ queryKey: dashboardKey }),
      ]),
  });
}
