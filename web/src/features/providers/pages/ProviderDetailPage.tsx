import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { can, PERMISSIONS } from '@/lib/permissions';
import { useMe } from '@/features/auth/api';
import { useProvider, useUpdateProvider } from '../api';
import { ProviderForm } from '../components/ProviderForm';

export function ProviderDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const q = useProvider(id);
  const update = useUpdateProvider(id);
  const canEdit = can(me.data?.permissions, PERMISSIONS.providersEdit);
  const canSeeLearners = can(me.data?.permissions, PERMISSIONS.learnersView);
  const canCreateLearners = can(me.data?.permissions, PERMISSIONS.learnersEdit);

  if (q.isPending) return <Loader aria-label="Loading the provider" />;
  if (q.isError)
    return (
      <Stack>
        <PageTitle>Provider</PageTitle>
        <Alert color="red" role="alert">
          {errorMessage(q.error)}
        </Alert>
      </Stack>
    );
  const p = q.data;
  return (
    <Stack maw={640}>
      <Anchor component={Link} to="/admin/providers" size="sm">
        ← All providers
      </Anchor>
      <PageTitle description={`UKPRN ${p.ukprn}`}>{p.name}</PageTitle>
      {canSeeLearners && (
        <Group>
          <Anchor component={Link} to={`/learners?provider_id=${p.id}`}>
            Learners at this provider
          </Anchor>
          {canCreateLearners && (
            <Button component={Link} to={`/learners/new?provider_id=${p.id}`} variant="light">
              Create learner
            </Button>
          )}
        </Group>
      )}
      <Paper withBorder p="md" radius="md">
        {canEdit ? (
          <ProviderForm
            key={p.version}
            label="Edit provider"
            initial={{ name: p.name, ukprn: p.ukprn }}
            submitLabel="Save changes"
            onSubmit={async (v) => {
              await update.mutateAsync({ ...v, version: p.version });
              notifications.show({ color: 'green', title: 'Saved', message: `${v.name} is up to date.` });
            }}
          />
        ) : (
          <Text>
            {p.name}, UKPRN {p.ukprn}
          </Text>
        )}
        <Text size="sm" c="dimmed" mt="sm">
          Last changed {formatDateTime(p.updated_at)}
        </Text>
      </Paper>
    </Stack>
  );
}
