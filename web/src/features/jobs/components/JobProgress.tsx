// A job's progress as the user sees it: a bar with "n of m", the status in words (announced
// politely to screen readers) and a Cancel button while the job can still be cancelled. Kept
// current by useJob (event stream, polling as a fallback).
import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { errorMessage } from '@/lib/api-client';
import { isFinished, useCancelJob, useJob, type Job } from '../api';

export function statusText(job: Job): string {
  switch (job.status) {
    case 'queued':
      return job.cancel_requested ? 'Cancelling…' : 'Waiting to start';
    case 'running':
      return job.cancel_requested ? 'Cancelling…' : 'In progress';
    case 'succeeded':
      return 'Finished';
    case 'failed':
      return job.error ? `Failed: ${job.error}` : 'Failed';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** "1,250 of 10,000", or "" while the total is not known. */
export function countText(done: number, total: number): string {
  if (total <= 0) return '';
  return `${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
}

const colours: Record<Job['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export interface JobProgressProps {
  jobId: number;
  /** What the job does, e.g. "Importing learners": the bar's accessible name. */
  label?: string;
  /** Called once when the job has finished, however it ended. */
  onFinished?: (job: Job) => void;
}

export function JobProgress({ jobId, label = 'Progress', onFinished }: JobProgressProps) {
  const q = useJob(jobId);
  const cancel = useCancelJob(jobId);
  const job = q.data;
  const reported = useRef(false);
  useEffect(() => {
    if (job && isFinished(job.status) && !reported.current) {
      reported.current = true;
      onFinished?.(job);
    }
  }, [job, onFinished]);

  if (q.isPending) return <Loader size="sm" aria-label={`${label}: loading`} />;
  if (q.isError || !job) return <Alert color="red">{errorMessage(q.error)}</Alert>;

  const { done, total } = job.progress;
  const percent = total > 0 ? Math.min(100, Math.round((done * 100) / total)) : job.status === 'succeeded' ? 100 : 0;
  const count = countText(done, total);
  const status = statusText(job);
  const cancellable = !isFinished(job.status) && !job.cancel_requested;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{label}</Text>
        {count && <Text size="sm">{count}</Text>}
      </Group>
      <Progress.Root size="lg" radius="sm">
        <Progress.Section
          value={percent}
          color={colours[job.status]}
          animated={job.status === 'running'}
          withAria={false}
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={total > 0 ? total : undefined}
          aria-valuenow={total > 0 ? done : undefined}
          aria-valuetext={count || status}
        />
      </Progress.Root>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" role="status" aria-live="polite" c={job.status === 'failed' ? 'red.8' : undefined}>
          {status}
        </Text>
        {cancellable && (
          <Button variant="default" size="xs" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            Cancel
          </Button>
        )}
      </Group>
      {cancel.isError && (
        <Text size="sm" c="red.8" role="alert">
          {errorMessage(cancel.error)}
        </Text>
      )}
    </Stack>
  );
}
