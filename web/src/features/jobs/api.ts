// Jobs (long work on the server: imports, exports): one job's state, cancelling it, and where its
// result file is. useJob keeps a job current from the event stream and polls as a fallback — every
// second without the stream, every five seconds with it — until the job has finished.
import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { subscribe, useEventStreamOpen } from '@/lib/event-stream';
import type { Job, JobEvent, JobStatus } from './types';

export type { Job, JobEvent, JobStatus } from './types';

export const jobKey = (id: number) => ['jobs', id] as const;

export function isFinished(status: JobStatus | undefined): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

/**
 * Reloads the list under `queryKey` when a job that `concerns` it changes status (not on every step
 * of progress): how the lists of previous imports and exports follow the event stream. Both
 * arguments should be constants, so the subscription is made once.
 */
export function useReloadOnJobStatus(concerns: (kind: string) => boolean, queryKey: readonly unknown[]) {
  const qc = useQueryClient();
  const seen = useRef(new Map<number, string>());
  useEffect(
    () =>
      subscribe('job', (data) => {
        const event = data as JobEvent;
        if (!event || !concerns(String(event.kind))) return;
        if (seen.current.get(event.id) === event.status) return;
        seen.current.set(event.id, event.status);
        void qc.invalidateQueries({ queryKey });
      }),
    [qc, concerns, queryKey],
  );
}

export const POLL_MS = 1_000;
export const POLL_WITH_STREAM_MS = 5_000;

export function useJob(id: number | null | undefined) {
  const qc = useQueryClient();
  const streamOpen = useEventStreamOpen();
  useEffect(() => {
    if (!id) return undefined;
    return subscribe('job', (data) => {
      const event = data as JobEvent;
      if (event.id !== id) return;
      const current = qc.getQueryData<Job>(jobKey(id));
      if (!current || event.version <= current.version) return;
      // The event carries the state; the result and error come with the final answer.
      if (isFinished(event.status)) void qc.invalidateQueries({ queryKey: jobKey(id) });
      else qc.setQueryData<Job>(jobKey(id), { ...current, status: event.status, progress: event.progress, version: event.version });
    });
  }, [id, qc]);
  return useQuery({
    queryKey: jobKey(id ?? 0),
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (query) => (isFinished(query.state.data?.status) ? false : streamOpen ? POLL_WITH_STREAM_MS : POLL_MS),
  });
}

export function useCancelJob(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Job>(`/jobs/${id}/cancel`),
    onSuccess: (job) => qc.setQueryData(jobKey(id), job),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKey(id) }),
  });
}
