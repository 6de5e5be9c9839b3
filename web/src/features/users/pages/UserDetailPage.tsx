import { useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { StatusBadges } from '@/components/StatusBadges';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, fullName } from '@/lib/format';
import { can, PERMISSIONS } from '@/lib/permissions';
import type { RoleAssignment, User } from '@/lib/types';
import { useMe } from '@/features/auth/api';
import { useProviderOptions } from '@/features/providers/api';
import { useRoles, useUpdateUser, useUser, useUserAction } from '../api';
import { assignmentErrors, roleErrorsFromProblem, describeAssignment, RoleAssignmentsEditor } from '../components/RoleAssignmentsEditor';
import { emailRule, nameRule, UserFields } from '../components/UserFields';

function EditUserForm({ user }: { user: User }) {
  const update = useUpdateUser(user.id);
  const roles = useRoles();
  const providers = useProviderOptions();
  const [assignments, setAssignments] = useState<RoleAssignment[]>(user.roles);
  const [roleErrors, setRoleErrors] = useState<(string | null)[]>([]);
  const f = useApiForm({
    initialValues: { first_name: user.first_name ?? '', last_name: user.last_name ?? '', email: user.email ?? '', telephone: user.telephone ?? '' },
    validate: { first_name: nameRule('first name'), last_name: nameRule('last name'), email: emailRule(false) },
    onSubmit: async (values) => {
      const errs = assignmentErrors(assignments);
      setRoleErrors(errs);
      if (errs.some(Boolean)) throw new Error('Check the roles: each needs a role and, for a provider, group or employer, which one.');
      try {
        await update.mutateAsync({
          first_name: values.first_name.trim(),
          last_name: values.last_name.trim(),
          email: values.email.trim(),
          telephone: values.telephone.trim(),
          roles: assignments,
          version: user.version,
        });
      } catch (e) {
        setRoleErrors(roleErrorsFromProblem(e, assignments.length));
        throw e;
      }
      notifications.show({ color: 'green', title: 'Saved', message: `${user.username} is up to date.` });
    },
  });
  return (
    <ApiForm state={f} submitLabel="Save changes" aria-label="Edit user">
      <UserFields form={f.form} emailRequired={false} />
      <RoleAssignmentsEditor value={assignments} onChange={setAssignments} roles={roles.data?.items ?? []} providers={providers.data?.items ?? []} errors={roleErrors} />
    </ApiForm>
  );
}

function AccountActions({ user }: { user: User }) {
  const action = useUserAction(user.id);
  const [error, setError] = useState<string | null>(null);
  const run = async (a: 'disable' | 'enable' | 'unlock', done: string) => {
    setError(null);
    try {
      await action.mutateAsync(a);
      notifications.show({ color: 'green', title: 'Done', message: done });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Stack gap="xs">
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        {user.locked && (
          <Button color="orange" onClick={() => run('unlock', `${user.username} is unlocked and can sign in again.`)} loading={action.isPending && action.variables === 'unlock'}>
            Unlock account
          </Button>
        )}
        {user.status === 'active' ? (
          <Button color="red" variant="outline" onClick={() => run('disable', `${user.username} is disabled and cannot sign in.`)} loading={action.isPending && action.variables === 'disable'}>
            Disable account
          </Button>
        ) : (
          <Button variant="outline" onClick={() => run('enable', `${user.username} is enabled.`)} loading={action.isPending && action.variables === 'enable'}>
            Enable account
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function UserDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const q = useUser(id);
  const roles = useRoles();
  const providers = useProviderOptions();
  const canEdit = can(me.data?.permissions, PERMISSIONS.usersEdit);
  const canAudit = can(me.data?.permissions, PERMISSIONS.auditView);

  if (q.isPending) return <Loader aria-label="Loading the user" />;
  if (q.isError)
    return (
      <Stack>
        <PageTitle>User</PageTitle>
        <Alert color="red" role="alert">
          {errorMessage(q.error)}
        </Alert>
        <Anchor component={Link} to="/admin/users">
          Back to users
        </Anchor>
      </Stack>
    );
  const user = q.data;
  return (
    <Stack maw={860}>
      <Anchor component={Link} to="/admin/users" size="sm">
        ← All users
      </Anchor>
      <PageTitle description={user.username}>{fullName(user) || user.username}</PageTitle>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <StatusBadges user={user} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Text size="sm">Last signed in: {user.last_login_at ? formatDateTime(user.last_login_at) : 'never'}</Text>
            <Text size="sm">Created: {formatDateTime(user.created_at)}</Text>
          </SimpleGrid>
          {canEdit && <AccountActions user={user} />}
          {canAudit && (
            <Anchor component={Link} to={`/admin/audit?entity_type=user&entity_id=${user.id}`} size="sm">
              See the history of this account
            </Anchor>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {canEdit ? 'Details and roles' : 'Roles'}
        </Title>
        {canEdit ? (
          <EditUserForm user={user} key={user.version} />
        ) : user.roles.length ? (
          <ul>
            {user.roles.map((r, i) => (
              <li key={i}>{describeAssignment(r, roles.data?.items, providers.data?.items)}</li>
            ))}
          </ul>
        ) : (
          <Text>No roles.</Text>
        )}
      </Paper>
    </Stack>
  );
}
