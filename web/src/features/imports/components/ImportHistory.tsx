// Manual 7.4 b, e, f: the imports you have made (all of them, for administrators), newest first —
// when each was requested and by whom, its status, when it was processed and its outcome. Each file
// name opens the import. The list follows the jobs' events: it reloads when an import starts or ends.
import { useMemo } from 'react';
import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { formatDateTime } from '@/lib/format';
import { JobStatusBadge, useReloadOnJobStatus } from '@/features/jobs';
import { importsKey, listImports, type DataImport, type ImportKind } from '../api';
import { importStatusLabel } from '../status';

const historyKey = [...importsKey, 'list'] as const;
const isImportJob = (jobKind: string) => jobKind.endsWith('_import');

export function ImportHistory({ kind = 'learner_import' }: { kind?: ImportKind }) {
  useReloadOnJobStatus(isImportJob, historyKey);
  const columns = useMemo<Column<DataImport>[]>(
    () => [
      { key: 'created_at', header: 'Requested on', render: (i) => formatDateTime(i.created_at) },
      { key: 'requested_by', header: 'Requested by', render: (i) => i.requested_by?.name || '—' },
      {
        key: 'filename',
        header: 'File',
        render: (i) => (
          <Anchor component={Link} to={`/imports/${i.id}`} style={{ wordBreak: 'break-word' }}>
            {i.filename || `Import ${i.id}`}
          </Anchor>
        ),
      },
      {
        key: 'status',
        header: 'Status',
        render: (i) => <JobStatusBadge status={i.status} label={importStatusLabel(i.status)} />,
      },
      { key: 'finished_at', header: 'Processed on', render: (i) => (i.finished_at ? formatDateTime(i.finished_at) : '—') },
      { key: 'message', header: 'Outcome', render: (i) => i.message || '—' },
      { key: 'error_count', header: 'Errors', render: (i) => i.error_count.toLocaleString('en-GB') },
    ],
    [],
  );
  return (
    <DataTable
      label="Previous imports"
      queryKey={historyKey}
      fetchPage={listImports}
      filters={{ kind }}
      columns={columns}
      rowKey={(i) => i.id}
      limit={10}
      empty={<EmptyState title="No imports yet">When you import a spreadsheet it is listed here, with when it was processed and how it went.</EmptyState>}
    />
  );
}
