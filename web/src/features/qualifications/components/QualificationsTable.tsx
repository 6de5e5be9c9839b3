// The qualifications of a learner as a table, with Edit and Delete on each row when they may be
// changed.
import { Button, Group, Table, VisuallyHidden } from '@mantine/core';
import { formatMonth } from '../form';
import type { Qualification } from '../types';

export interface QualificationsTableProps {
  items: Qualification[];
  editable: boolean;
  onEdit: (q: Qualification) => void;
  onDelete: (q: Qualification) => void;
}

const describe = (q: Qualification) => `${q.type.label} ${q.subject.label}`;

export function QualificationsTable({ items, editable, onEdit, onDelete }: QualificationsTableProps) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped aria-label="Qualifications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">Completion</Table.Th>
            <Table.Th scope="col">Predicted grade</Table.Th>
            <Table.Th scope="col">Actual grade</Table.Th>
            {editable && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td>{q.type.label}</Table.Td>
              <Table.Td>{q.subject.label}</Table.Td>
              <Table.Td>{formatMonth(q.completed_on)}</Table.Td>
              <Table.Td>{q.predicted_grade?.label ?? '—'}</Table.Td>
              <Table.Td>{q.actual_grade?.label ?? '—'}</Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="outline" onClick={() => onEdit(q)} aria-label={`Edit ${describe(q)}`}>
                      Edit
                    </Button>
                    <Button size="xs" variant="outline" color="red" onClick={() => onDelete(q)} aria-label={`Delete ${describe(q)}`}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
