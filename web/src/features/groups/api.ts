// Learner groups (manual 8): the groups you may see, one group, create, rename, delete, membership
// changes, and the groups one learner is in.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { LearnerGroup, ListPage } from '@/lib/types';
import { dashboardKey, learnersKey } from '@/features/learners/api';

export const groupsKey = ['groups'] as const;

export const groupQuery = (id: number) =>
  queryOptions({ queryKey: [...groupsKey, 'one', id], queryFn: ({ signal }) => api.get<LearnerGroup>(`/groups/${id}`, undefined, signal) });

/** Every group you may see, optionally at one provider (the server returns them all on one page). */
export function useGroups(providerId?: string, enabled = true) {
  return useQuery({
    queryKey: [...groupsKey, 'list', providerId ?? ''],
    queryFn: ({ signal }) => api.get<ListPage<LearnerGroup>>('/groups', providerId ? { provider_id: providerId } : undefined, signal),
    enabled,
  });
}

export function useGroup(id: number) {
  return useQuery(groupQuery(id));
}

export function useLearnerGroups(learnerId: number) {
  return useQuery({
    queryKey: [...groupsKey, 'of-learner', learnerId],
    queryFn: ({ signal }) => api.get<ListPage<LearnerGroup>>(`/learners/${learnerId}/groups`, undefined, signal),
  });
}

/** A group change alters the group lists, member counts and the learner lists filtered by group. */
function useInvalidateGroups() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: groupsKey }), qc.invalidateQueries({ queryKey: learnersKey }), qc.invalidateQueries({ queryKey: dashboardKey })]);
}

export interface GroupInput {
  provider_id: number;
  name: string;
}

export function useCreateGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({ mutationFn: (body: GroupInput) => api.post<LearnerGroup>('/groups', body), onSuccess: () => invalidate() });
}

export function useRenameGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: ({ id, name, version }: { id: number; name: string; version: number }) => api.patch<LearnerGroup>(`/groups/${id}`, { name, version }),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({ mutationFn: (id: number) => api.delete<void>(`/groups/${id}`), onSuccess: () => invalidate() });
}

export interface MembershipChange {
  add?: number[];
  remove?: number[];
}

export function useChangeMembers(id: number) {
  const invalidate = useInvalidateGroups();
  return useMutation({ mutationFn: (change: MembershipChange) => api.post<LearnerGroup>(`/groups/${id}/members`, change), onSuccess: () => invalidate() });
}
