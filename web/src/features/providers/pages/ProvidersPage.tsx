import { useState } from 'react';
import { Anchor, Button, Modal, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { formatDateTime } from '@/lib/format';
import { can, PERMISSIONS } from '@/lib/permissions';
import type { Provider } from '@/lib/types';
import { useMe } from '@/features/auth/api';
import { listProviders, providersKey, useCreateProvider } from '../api';
import { ProviderForm } from '../components/ProviderForm';

const columns: Column<Provider>[] = [
  {
    key: 'name',
    header: 'Name',
    render: (p) => (
      <Anchor component={Link} to={`/admin/providers/${p.id}`}>
        {p.name}
      </Anchor>
    ),
    exportValue: (p) => p.name,
  },
  { key: 'ukprn', header: 'UKPRN', render: (p) => p.ukprn, exportValue: (p) => p.ukprn },
  { key: 'updated_at', header: 'Last changed', render: (p) => formatDateTime(p.updated_at), exportValue: (p) => p.updated_at },
];

// manual 6.1: each provider links to its learners
const learnersColumn: Column<Provider> = {
  key: 'learners',
  header: 'Learners',
  render: (p) => (
    <Anchor component={Link} to={`/learners?provider_id=${p.id}`}>
      View learners
    </Anchor>
  ),
};

export function ProvidersPage() {
  const me = useMe();
  const canEdit = can(me.data?.permissions, PERMISSIONS.providersEdit);
  const canSeeLearners = can(me.data?.permissions, PERMISSIONS.learnersView);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [opened, { open, close }] = useDisclosure(false);
  const create = useCreateProvider();

  return (
    <Stack>
      <PageTitle description="Training providers, schools and colleges." actions={canEdit && <Button onClick={open}>Add provider</Button>}>
        Providers
      </PageTitle>
      <DataTable
        label="Providers"
        queryKey={providersKey}
        fetchPage={listProviders}
        filters={{ q: debouncedQ.trim() }}
        columns={canSeeLearners ? [...columns, learnersColumn] : columns}
        rowKey={(p) => p.id}
        toolbar={<TextInput label="Search" description="Name or UKPRN" type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />}
        empty={
          debouncedQ ? (
            <EmptyState title="No providers match">Try another search.</EmptyState>
          ) : (
            <EmptyState title="No providers yet" action={canEdit ? <Button variant="light" onClick={open}>Add the first provider</Button> : undefined}>
              Providers you add appear here.
            </EmptyState>
          )
        }
      />
      <Modal opened={opened} onClose={close} title="Add provider" closeButtonProps={{ 'aria-label': 'Close' }}>
        <ProviderForm
          label="Add provider"
          initial={{ name: '', ukprn: '' }}
          submitLabel="Add provider"
          onSubmit={async (v) => {
            const p = await create.mutateAsync(v);
            notifications.show({ color: 'green', title: 'Provider added', message: `${p.name} (${p.ukprn}) is added.` });
            close();
          }}
        />
      </Modal>
    </Stack>
  );
}
