import { useState } from 'react';
import { Badge, Code, NativeSelect, Stack, Text } from '@mantine/core';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { formatDateTime } from '@/lib/format';
import type { OutboxMessage } from '@/lib/types';
import { listOutbox, outboxKey } from '../api';

const STATUS: Record<OutboxMessage['status'], { label: string; color: string }> = {
  pending: { label: 'Waiting', color: 'yellow' },
  sent: { label: 'Sent', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};

const columns: Column<OutboxMessage>[] = [
  { key: 'created_at', header: 'Queued', render: (m) => formatDateTime(m.created_at), exportValue: (m) => m.created_at },
  { key: 'to', header: 'To', render: (m) => m.to, exportValue: (m) => m.to },
  { key: 'subject', header: 'Subject', render: (m) => m.subject, exportValue: (m) => m.subject },
  {
    key: 'status',
    header: 'Status',
    render: (m) => (
      <Badge color={STATUS[m.status]?.color ?? 'gray'} variant="filled">
        {STATUS[m.status]?.label ?? m.status}
      </Badge>
    ),
    exportValue: (m) => m.status,
  },
  { key: 'attempts', header: 'Attempts', render: (m) => m.attempts, exportValue: (m) => m.attempts },
  { key: 'sent_at', header: 'Sent', render: (m) => (m.sent_at ? formatDateTime(m.sent_at) : '—'), exportValue: (m) => m.sent_at },
];

export function OutboxPage() {
  const [status, setStatus] = useState('');
  return (
    <Stack>
      <PageTitle description="Emails the system sends: waiting, sent and failed. Open one to read it.">Email outbox</PageTitle>
      <DataTable
        label="Emails"
        queryKey={outboxKey}
        fetchPage={listOutbox}
        filters={{ status }}
        columns={columns}
        rowKey={(m) => m.id}
        toolbar={
          <NativeSelect
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: '', label: 'All emails' },
              { value: 'pending', label: 'Waiting' },
              { value: 'sent', label: 'Sent' },
              { value: 'failed', label: 'Failed' },
            ]}
          />
        }
        expandLabel={(m, open) => (open ? `Hide email ${m.id}` : `Read email ${m.id}`)}
        renderExpanded={(m) => (
          <Stack gap="xs">
            {m.last_error && (
              <Text size="sm" c="red.9">
                Last error: {m.last_error}
              </Text>
            )}
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Code>
          </Stack>
        )}
        empty={<EmptyState title="No emails">{status ? 'No emails have this status.' : 'Emails such as verification and password reset messages appear here.'}</EmptyState>}
      />
    </Stack>
  );
}
