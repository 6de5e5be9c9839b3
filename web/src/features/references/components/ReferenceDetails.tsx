// A completed reference shown read-only: who gave it, attendance, each rating's label, further
// details and support. Used by the learner's own view.
import { Stack, Table, Text, Title } from '@mantine/core';
import type { ReferenceItem } from '@/lib/types';
import { CRITERIA } from '../form';
import type { ReferenceContent } from '../types';
import { RefereeSummary } from './RefereeBlock';

export function ReferenceDetails({ reference, scale }: { reference: ReferenceContent; scale: ReferenceItem[] }) {
  const label = (code: string) => scale.find((s) => s.code === code)?.label ?? (code || 'Not rated');
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3} size="h5">
          Referee
        </Title>
        <RefereeSummary referee={reference.referee} />
      </Stack>
      <Table aria-label="Reference ratings" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Attendance</Table.Th>
            <Table.Td>{reference.attendance === null ? 'Not given' : `${reference.attendance}%`}</Table.Td>
          </Table.Tr>
          {CRITERIA.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Th scope="row">{c.label}</Table.Th>
              <Table.Td>{label(reference.ratings[c.code] ?? '')}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">Additional support required</Table.Th>
            <Table.Td>{reference.additional_support === null ? 'Not given' : reference.additional_support ? 'Yes' : 'No'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {reference.further_details && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            Further details
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {reference.further_details}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
