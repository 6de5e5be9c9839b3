// The version history of a learner's reference: each completion, numbered, with who completed it
// and when. Applications take the newest one current when they are submitted.
import { Alert, Loader, Stack, Table, Title } from '@mantine/core';
import { EmptyState } from '@/components/EmptyState';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useReferenceVersions } from '../api';

export function ReferenceVersions({ learnerId }: { learnerId: number }) {
  const q = useReferenceVersions(learnerId);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Version history
      </Title>
      {q.isPending ? (
        <Loader size="sm" aria-label="Loading the versions" />
      ) : q.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(q.error)}
        </Alert>
      ) : q.data.items.length === 0 ? (
        <EmptyState title="No completed version yet">Choose “Complete reference details” to record version 1. New applications use the latest version.</EmptyState>
      ) : (
        <Table aria-label="Reference versions" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Completed by</Table.Th>
              <Table.Th scope="col">Completed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.items.map((v) => (
              <Table.Tr key={v.number}>
                <Table.Td>Version {v.number}</Table.Td>
                <Table.Td>{v.completed_by_name || 'Unknown'}</Table.Td>
                <Table.Td>{formatDateTime(v.completed_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
