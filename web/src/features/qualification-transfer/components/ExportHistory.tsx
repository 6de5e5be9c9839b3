// Manual 9.1: "underneath the export option you will see your requested export, with the option to
// download" — your exports, newest first: when each was requested, its status, when it finished,
// how many learners it holds and, once ready, its spreadsheet. Reloaded when an export starts or ends.
import { useMemo } from 'react';
import { Anchor } from '@mantine/core';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { formatDateTime } from '@/lib/format';
import { JobStatusBadge, useReloadOnJobStatus, type Job, type JobStatus } from '@/features/jobs';
import { EXPORT_JOB_KIND, exportedLearners, exportsListKey, listExports } from '../api';

const STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Waiting to start',
  running: 'In progress',
  succeeded: 'Ready',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function exportStatusLabel(status: JobStatus): string {
  return STATUS_LABELS[status] ?? status;
}

const isExportJob = (jobKind: string) => jobKind === EXPORT_JOB_KIND;

export function ExportHistory() {
  useReloadOnJobStatus(isExportJob, exportsListKey);
  const columns = useMemo<Column<Job>[]>(
    () => [
      { key: 'created_at', header: 'Requested on', render: (j) => formatDateTime(j.created_at) },
      {
        key: 'status',
        header: 'Status',
        render: (j) => <JobStatusBadge status={j.status} label={exportStatusLabel(j.status)} />,
      },
      { key: 'finished_at', header: 'Finished on', render: (j) => (j.finished_at ? formatDateTime(j.finished_at) : '—') },
      {
        key: 'learners',
        header: 'Learners',
        render: (j) => {
          const n = exportedLearners(j);
          return n === null ? '—' : n.toLocaleString('en-GB');
        },
      },
      {
        key: 'download',
        header: 'Spreadsheet',
        render: (j) =>
          j.status === 'succeeded' && j.result_url ? (
            <Anchor href={j.result_url} download aria-label={`Download the export requested on ${formatDateTime(j.created_at)}`}>
              Download
            </Anchor>
          ) : (
            '—'
          ),
      },
    ],
    [],
  );
  return (
    <DataTable
      label="Previous exports"
      queryKey={exportsListKey}
      fetchPage={listExports}
      columns={columns}
      rowKey={(j) => j.id}
      limit={10}
      empty={<EmptyState title="No exports yet">When you export a year group it is listed here, with its spreadsheet to download once it is ready.</EmptyState>}
    />
  );
}
