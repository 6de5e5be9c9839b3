// The signed-in user's notifications: the list with its unread count, and marking them read. A
// new one shows at once through the event stream (useNotificationEvents); polling stays as the
// fallback — every 30 s without the stream, every 2 minutes with it.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { subscribe, useEventStreamOpen } from '@/lib/event-stream';
import type { NotificationPage } from '@/lib/types';

export const notificationsKey = ['notifications'] as const;
export const POLL_MS = 30_000;
export const POLL_WITH_STREAM_MS = 120_000;

export function useNotifications(params: { unread?: boolean; limit?: number; cursor?: string | null } = {}) {
  const streamOpen = useEventStreamOpen();
  return useQuery({
    queryKey: [...notificationsKey, params],
    queryFn: ({ signal }) =>
      api.get<NotificationPage>('/notifications', { unread: params.unread ? 'true' : undefined, limit: params.limit, cursor: params.cursor ?? undefined }, signal),
    refetchInterval: streamOpen ? POLL_WITH_STREAM_MS : POLL_MS,
  });
}

/** Reloads the notifications whenever the event stream says the unread count changed. */
export function useNotificationEvents() {
  const qc = useQueryClient();
  useEffect(
    () =>
      subscribe('notification', (data) => {
        const unread = (data as { unread?: number }).unread;
        const shown = qc.getQueryData<NotificationPage>([...notificationsKey, { limit: 1 }])?.unread;
        if (unread !== shown) void qc.invalidateQueries({ queryKey: notificationsKey });
      }),
    [qc],
  );
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
