import { useState } from 'react';
import { Anchor, Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { StatusBadges } from '@/components/StatusBadges';
import { formatDateTime, fullName } from '@/lib/format';
import { can, PERMISSIONS } from '@/lib/permissions';
import type { User } from '@/lib/types';
import { useMe } from '@/features/auth/api';
import { listUsers, usersKey } from '../api';

const columns: Column<User>[] = [
  {
    key: 'name',
    header: 'Name',
    render: (u) => (
      <Anchor component={Link} to={`/admin/users/${u.id}`}>
        {fullName(u) || u.username}
      </Anchor>
    ),
    exportValue: (u) => fullName(u),
  },
  { key: 'username', header: 'Username', render: (u) => u.username, exportValue: (u) => u.username },
  { key: 'email', header: 'Email', render: (u) => u.email ?? '—', exportValue: (u) => u.email },
  { key: 'status', header: 'Status', render: (u) => <StatusBadges user={u} />, exportValue: (u) => `${u.status}${u.locked ? ', locked' : ''}${u.email_verified ? '' : ', not verified'}` },
  { key: 'roles', header: 'Roles', render: (u) => u.roles.map((r) => r.role).join(', ') || '—', exportValue: (u) => u.roles.map((r) => r.role).join(', ') },
  { key: 'last_login_at', header: 'Last signed in', render: (u) => (u.last_login_at ? formatDateTime(u.last_login_at) : 'Never'), exportValue: (u) => u.last_login_at },
];

export function UsersPage() {
  const me = useMe();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const canEdit = can(me.data?.permissions, PERMISSIONS.usersEdit);

  return (
    <Stack>
      <PageTitle
        description="Staff and learner accounts in your organisation."
        actions={
          canEdit && (
            <Button component={Link} to="/admin/users/new">
              Create user
            </Button>
          )
        }
      >
        Users
      </PageTitle>
      <DataTable
        label="Users"
        queryKey={usersKey}
        fetchPage={listUsers}
        filters={{ q: debouncedQ.trim(), status }}
        columns={columns}
        rowKey={(u) => u.id}
        toolbar={
          <>
            <TextInput label="Search" description="Name, username or email" type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
            <NativeSelect
              label="Status"
              description="Show accounts that are"
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={[
                { value: '', label: 'Any status' },
                { value: 'active', label: 'Active' },
                { value: 'disabled', label: 'Disabled' },
              ]}
            />
          </>
        }
        empty={
          debouncedQ || status ? (
            <EmptyState title="No users match">Try another search or status.</EmptyState>
          ) : (
            <EmptyState title="No users yet" action={canEdit ? <Anchor component={Link} to="/admin/users/new">Create the first user</Anchor> : undefined} />
          )
        }
      />
    </Stack>
  );
}
