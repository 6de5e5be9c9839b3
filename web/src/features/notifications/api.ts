// The signed-in user's notifications: the list with its unread count (polled, so a new one shows
// within half a minute), and marking them read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { NotificationPage } from '@/lib/types';

export const notificationsKey = ['notifications'] as const;
const POLL_MS = 30_000;

export function useNotifications(params: { unread?: boolean; limit?: number; cursor?: string | null } = {}) {
  return useQuery({
    queryKey: [...notificationsKey, params],
    queryFn: ({ signal }) =>
      api.get<NotificationPage>('/notifications', { unread: params.unread ? 'true' : undefined, limit: params.limit, cursor: params.cursor ?? undefined }, signal),
    refetchInterval: POLL_MS,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<void>(`/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
