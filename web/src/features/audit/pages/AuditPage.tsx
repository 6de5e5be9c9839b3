import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { formatDateTime, formatValue } from '@/lib/format';
import type { AuditEvent } from '@/lib/types';
import { auditKey, listAudit } from '../api';

function Changes({ e }: { e: AuditEvent }) {
  const entries = Object.entries(e.changes ?? {});
  if (!entries.length) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {entries.map(([field, c]) => (
        <Text size="sm" key={field}>
          <strong>{field}</strong>: {formatValue(c?.before)} → {formatValue(c?.after)}
        </Text>
      ))}
    </Stack>
  );
}

const columns: Column<AuditEvent>[] = [
  { key: 'at', header: 'Time', render: (e) => formatDateTime(e.at), exportValue: (e) => e.at },
  { key: 'actor', header: 'Actor', render: (e) => e.actor_username ?? (e.actor_id ? `#${e.actor_id}` : 'System'), exportValue: (e) => e.actor_username ?? e.actor_id },
  { key: 'action', header: 'Action', render: (e) => e.action, exportValue: (e) => e.action },
  { key: 'entity', header: 'Record', render: (e) => `${e.entity_type} ${e.entity_id ?? ''}`.trim(), exportValue: (e) => `${e.entity_type} ${e.entity_id ?? ''}`.trim() },
  {
    key: 'changes',
    header: 'Changes (before → after)',
    render: (e) => <Changes e={e} />,
    exportValue: (e) =>
      Object.entries(e.changes ?? {})
        .map(([f, c]) => `${f}: ${formatValue(c?.before)} → ${formatValue(c?.after)}`)
        .join('; '),
  },
];

const FILTERS = ['entity_type', 'entity_id', 'actor_id'] as const;

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [debounced] = useDebouncedValue(values, 300);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const any = FILTERS.some((k) => values[k]);

  return (
    <Stack>
      <PageTitle description="Every change, who made it and when, newest first.">Audit log</PageTitle>
      <DataTable
        label="Audit events"
        queryKey={auditKey}
        fetchPage={listAudit}
        filters={{ entity_type: debounced.entity_type, entity_id: debounced.entity_id.trim(), actor_id: debounced.actor_id.trim() }}
        columns={columns}
        rowKey={(e) => e.id}
        exportFileName="Audit log"
        toolbar={
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label="Record type"
              value={values.entity_type}
              onChange={(e) => set('entity_type', e.currentTarget.value)}
              data={[
                { value: '', label: 'Any' },
                { value: 'user', label: 'User' },
                { value: 'provider', label: 'Provider' },
                { value: 'learner', label: 'Learner' },
                { value: 'group', label: 'Learner group' },
                { value: 'tenant', label: 'Organisation settings' },
              ]}
            />
            <TextInput label="Record number" inputMode="numeric" value={values.entity_id} onChange={(e) => set('entity_id', e.currentTarget.value)} w={140} />
            <TextInput label="Actor number" description="User id of who made the change" inputMode="numeric" value={values.actor_id} onChange={(e) => set('actor_id', e.currentTarget.value)} w={200} />
            {any && (
              <Button variant="subtle" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                Clear filters
              </Button>
            )}
          </Group>
        }
        empty={<EmptyState title="No audit events">{any ? 'Nothing matches these filters.' : 'Changes appear here as people make them.'}</EmptyState>}
      />
    </Stack>
  );
}
