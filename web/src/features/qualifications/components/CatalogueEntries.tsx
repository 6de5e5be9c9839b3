// One list of the catalogue (the types, or one type's subjects or grades) for administrators: each
// entry with Rename and Retire / Bring back, and a field to add a new one. Entries are never
// deleted: learners' qualifications keep pointing at them.
import { useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { EmptyState } from '@/components/EmptyState';
import { errorMessage } from '@/lib/api-client';
import { useAddCatalogueEntry, useChangeCatalogueEntry } from '../api';
import type { CatalogueItem, CatalogueKind } from '../types';

const NOUN: Record<CatalogueKind, { one: string; many: string }> = {
  types: { one: 'type', many: 'Types' },
  subjects: { one: 'subject', many: 'Subjects' },
  grades: { one: 'grade', many: 'Grades' },
};

function RenameDialog({ kind, item, onClose }: { kind: CatalogueKind; item: CatalogueItem; onClose: () => void }) {
  const change = useChangeCatalogueEntry();
  const f = useApiForm({
    initialValues: { label: item.label },
    validate: { label: (v: unknown) => (String(v).trim() ? null : 'Enter a name.') },
    onSubmit: async (values) => {
      await change.mutateAsync({ kind, item, change: { label: values.label } });
      notifications.show({ color: 'green', title: 'Renamed', message: `It is now called ${values.label.trim()}.` });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Rename ${NOUN[kind].one}`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <ApiForm state={f} submitLabel="Save name" aria-label={`Rename ${NOUN[kind].one}`}>
        <TextInput label="Name" required data-autofocus {...f.form.getInputProps('label')} />
      </ApiForm>
    </Modal>
  );
}

export interface CatalogueEntriesProps {
  kind: CatalogueKind;
  items: CatalogueItem[];
  /** The type the subjects or grades belong to. */
  typeId?: number;
  /** Label of the list's heading, e.g. "Subjects of GCSE (9–1)". */
  title: string;
}

export function CatalogueEntries({ kind, items, typeId, title }: CatalogueEntriesProps) {
  const add = useAddCatalogueEntry();
  const change = useChangeCatalogueEntry();
  const [renaming, setRenaming] = useState<CatalogueItem | null>(null);
  const noun = NOUN[kind].one;
  const f = useApiForm({
    initialValues: { label: '' },
    validate: { label: (v: unknown) => (String(v).trim() ? null : `Enter the name of the ${noun}.`) },
    onSubmit: async (values) => {
      const made = await add.mutateAsync({ kind, typeId, label: values.label });
      f.form.reset();
      notifications.show({ color: 'green', title: 'Added', message: `${made.label} is added.` });
    },
  });
  const toggle = async (item: CatalogueItem) => {
    try {
      await change.mutateAsync({ kind, item, change: { retired: !item.retired } });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) });
    }
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      {items.length === 0 ? (
        <EmptyState title={`No ${NOUN[kind].many.toLowerCase()} yet`}>Add the first one below.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.label}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.retired ? 'gray' : 'green'} tt="none">
                      {item.retired ? 'Retired' : 'Offered'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="outline" onClick={() => setRenaming(item)} aria-label={`Rename ${item.label}`}>
                        Rename
                      </Button>
                      <Button size="xs" variant="outline" color={item.retired ? 'green' : 'orange'} onClick={() => toggle(item)} aria-label={`${item.retired ? 'Bring back' : 'Retire'} ${item.label}`}>
                        {item.retired ? 'Bring back' : 'Retire'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ApiForm state={f} submitLabel={`Add ${noun}`} aria-label={`Add a ${noun}`}>
        <TextInput label={`New ${noun}`} description="Retired entries stay on the qualifications that use them but are no longer offered." {...f.form.getInputProps('label')} />
      </ApiForm>
      {renaming && <RenameDialog kind={kind} item={renaming} onClose={() => setRenaming(null)} />}
    </Stack>
  );
}
