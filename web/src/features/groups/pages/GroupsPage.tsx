// Manual 8: the learner groups at your providers (tutor, support, teaching groups), with a provider
// filter kept in the address, member counts that open the learner list of exactly those learners,
// and create, rename and delete for provider and user managers.
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useSearchParams } from 'react-router';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { api, type Query } from '@/lib/api-client';
import { can, PERMISSIONS } from '@/lib/permissions';
import type { LearnerGroup, ListPage } from '@/lib/types';
import { useMe } from '@/features/auth/api';
import { useProviderOptions } from '@/features/providers/api';
import { groupsKey, useCreateGroup } from '../api';
import { membersText, useGroupActions } from '../components/GroupDialogs';

function listGroups(params: Query, signal?: AbortSignal) {
  return api.get<ListPage<LearnerGroup>>('/groups', { provider_id: params.provider_id }, signal);
}

function CreateGroupForm({ providers, providerId }: { providers: { value: string; label: string }[]; providerId: string }) {
  const create = useCreateGroup();
  const f = useApiForm({
    initialValues: { provider_id: providerId, name: '' },
    validate: {
      provider_id: (v) => (v ? null : 'Choose the provider.'),
      name: (v) => (String(v).trim() ? null : 'Enter the name of the group.'),
    },
    onSubmit: async ({ provider_id, name }) => {
      const g = await create.mutateAsync({ provider_id: Number(provider_id), name: name.trim() });
      notifications.show({ color: 'green', title: 'Group created', message: `${g.name} is ready for learners.` });
      f.form.setFieldValue('name', '');
    },
  });
  return (
    <ApiForm state={f} submitLabel="Create group" aria-label="Create a group">
      <Group align="flex-start" grow>
        <NativeSelect label="Provider" required data={[{ value: '', label: 'Choose a provider' }, ...providers]} {...f.form.getInputProps('provider_id')} />
        <TextInput label="Group name" description="For example Tutor group 10A or Learning support" required {...f.form.getInputProps('name')} />
      </Group>
    </ApiForm>
  );
}

export function GroupsPage() {
  const me = useMe();
  const canEdit = can(me.data?.permissions, PERMISSIONS.groupsEdit);
  const canSeeLearners = can(me.data?.permissions, PERMISSIONS.learnersView);
  const providers = useProviderOptions();
  const actions = useGroupActions();
  const [params, setParams] = useSearchParams();
  const providerId = params.get('provider_id') ?? '';
  const providerOptions = (providers.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }));

  const columns: Column<LearnerGroup>[] = [
    {
      key: 'name',
      header: 'Name',
      render: (g) => (
        <Anchor component={Link} to={`/groups/${g.id}`}>
          {g.name}
        </Anchor>
      ),
      exportValue: (g) => g.name,
    },
    { key: 'provider', header: 'Provider', render: (g) => g.provider_name, exportValue: (g) => g.provider_name },
    {
      key: 'members',
      header: 'Learners',
      render: (g) =>
        canSeeLearners ? (
          <Anchor component={Link} to={`/learners?group_id=${g.id}`} aria-label={`${membersText(g.members)} in ${g.name}`}>
            {membersText(g.members)}
          </Anchor>
        ) : (
          membersText(g.members)
        ),
      exportValue: (g) => g.members,
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (g: LearnerGroup) => (
              <Group gap={4} wrap="nowrap">
                <Button size="compact-sm" variant="subtle" onClick={() => actions.askRename(g)} aria-label={`Rename ${g.name}`}>
                  Rename
                </Button>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => actions.askDelete(g)} aria-label={`Delete ${g.name}`}>
                  Delete
                </Button>
              </Group>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack>
      <PageTitle description="Groups gather learners at a provider, such as tutor groups, learning support or teaching groups. A learner may be in several.">Groups</PageTitle>
      {canEdit && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            Create a group
          </Title>
          <CreateGroupForm providers={providerOptions} providerId={providerId} key={providerId} />
        </Paper>
      )}
      <DataTable
        label="Groups"
        queryKey={groupsKey}
        fetchPage={listGroups}
        filters={{ provider_id: providerId }}
        columns={columns}
        rowKey={(g) => g.id}
        toolbar={
          <NativeSelect
            label="Show groups at"
            value={providerId}
            onChange={(e) => setParams(e.currentTarget.value ? { provider_id: e.currentTarget.value } : {}, { replace: true })}
            data={[{ value: '', label: 'All providers' }, ...providerOptions]}
          />
        }
        empty={
          <EmptyState title={providerId ? 'No groups at this provider yet' : 'No groups yet'}>
            {canEdit
              ? 'Create a group above, then open it to tick the learners who belong in it. A learner manager scoped to a group sees only its learners.'
              : 'Provider and user managers create groups; learner managers then put learners into them.'}
          </EmptyState>
        }
      />
      {!canSeeLearners && (
        <Text size="sm" c="dimmed">
          Learner managers put learners into groups; your account manages the groups themselves.
        </Text>
      )}
      {actions.dialogs}
    </Stack>
  );
}
