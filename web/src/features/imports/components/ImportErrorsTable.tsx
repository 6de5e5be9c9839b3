// Manual 7.4 g: an unsuccessful import's errors by row — the spreadsheet row (the heading row is
// row 1), the column's heading, the value found and what is wrong with it. Long lists are paged
// here in the browser (the import carries them all); the workbook download holds the same list.
import { useState } from 'react';
import { Button, Group, Paper, ScrollArea, Table, Text } from '@mantine/core';
import type { ImportRowError } from '../api';

export const ERRORS_PAGE_SIZE = 25;

export function ImportErrorsTable({ errors, label = 'Errors in the file' }: { errors: ImportRowError[]; label?: string }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(errors.length / ERRORS_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const from = current * ERRORS_PAGE_SIZE;
  const shown = errors.slice(from, from + ERRORS_PAGE_SIZE);

  return (
    <Paper withBorder p="md" radius="md">
      <ScrollArea type="auto">
        <Table striped verticalSpacing="xs" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Message</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e, i) => (
              <Table.Tr key={`${from + i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column || '—'}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{e.value === '' ? <Text span size="sm" c="dimmed">(empty)</Text> : e.value}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {pages > 1 && (
        <Group justify="space-between" mt="sm" wrap="wrap">
          <Text size="sm" aria-live="polite">
            Errors {from + 1}–{from + shown.length} of {errors.length.toLocaleString('en-GB')}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setPage(current - 1)} disabled={current === 0}>
              Previous errors
            </Button>
            <Text size="sm">
              Page {current + 1} of {pages}
            </Text>
            <Button size="xs" variant="default" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
              Next errors
            </Button>
          </Group>
        </Group>
      )}
    </Paper>
  );
}
