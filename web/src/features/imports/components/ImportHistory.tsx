// Manual 7.4 b, e, f: the imports you have made (all of them, for administrators), newest first —
// when each was requested and by whom, its status, when it was processed and its outcome. Each file
// name opens the import. The list follows the jobs' events: it reloads when an import starts or ends.
import { useEffect, useMemo, useRef } from 'react';
import { Anchor, Badge } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { formatDateTime } from '@/lib/format';
import { subscribe } from '@/lib/event-stream';
import type { JobEvent } from '@/features/jobs';
import { importsKey, listImports, type DataImport, type ImportKind } from '../api';
import { importStatusLabel, STATUS_COLOURS } from '../status';

const historyKey = [...importsKey, 'list'] as const;

/** Reloads the history when one of the user's imports changes status (not on every step of progress). */
function useReloadOnImportEvents() {
  const qc = useQueryClient();
  const seen = useRef(new Map<number, string>());
  useEffect(
    () =>
      subscribe('job', (data) => {
        const event = data as JobEvent;
        if (!event || !String(event.kind).endsWith('_import')) return;
        if (seen.current.get(event.id) === event.status) return;
        seen.current.set(event.id, event.status);
        void qc.invalidateQueries({ queryKey: historyKey });
      }),
    [qc],
  );
}

export function ImportHistory({ kind = 'learner_import' }: { kind?: ImportKind }) {
  useReloadOnImportEvents();
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
        render: (i) => (
          <Badge color={STATUS_COLOURS[i.status] ?? 'gray'} variant="light">
            {importStatusLabel(i.status)}
          </Badge>
        ),
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
