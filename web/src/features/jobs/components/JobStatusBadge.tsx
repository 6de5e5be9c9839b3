// A job's status (an import's or an export's) as a badge in the lists of previous ones: grey while
// waiting or after a cancel, blue while running, green or red once it has ended. The words are the
// caller's ("Imported", "Ready"…).
import { Badge } from '@mantine/core';
import type { JobStatus } from '../types';

const COLOURS: Record<JobStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export function JobStatusBadge({ status, label }: { status: JobStatus; label: string }) {
  return (
    <Badge color={COLOURS[status] ?? 'gray'} variant="light">
      {label}
    </Badge>
  );
}
