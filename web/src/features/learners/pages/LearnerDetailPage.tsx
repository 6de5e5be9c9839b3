// A learner's page: state at a glance, account actions, and every field to edit (PATCH with the
// version read; a 409 says someone else got there first and offers a reload).
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { errorMessage, isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { can, PERMISSIONS } from '@/lib/permissions';
import type { Learner } from '@/lib/types';
import { useMe } from '@/features/auth/api';
import { useLearner, useUpdateLearner } from '../api';
import { learnerRules, toPatchBody, valuesFromLearner } from '../form';
import { learnerName, useLearnerActions } from '../components/LearnerActionDialogs';
import { ApprovalBadge, LockedBadge, SectionBadges } from '../components/LearnerBadges';
import { LearnerFields } from '../components/LearnerFields';
import { useLearnerFormData } from '../components/useLearnerFormData';
import { LearnerGroups } from '@/features/groups/components/LearnerGroups';

export const CONFLICT_MESSAGE = 'Someone else changed this learner while you were editing. Reload to see their changes, then make yours again.';

function EditLearnerForm({ learner, canEdit, onReload }: { learner: Learner; canEdit: boolean; onReload: () => Promise<unknown> }) {
  const update = useUpdateLearner(learner.id);
  const data = useLearnerFormData();
  const [conflict, setConflict] = useState(false);
  const f = useApiForm({
    initialValues: valuesFromLearner(learner),
    validate: learnerRules('edit'),
    onSubmit: async (values) => {
      setConflict(false);
      const body = toPatchBody(values, learner);
      if (Object.keys(body).length === 1) {
        notifications.show({ color: 'blue', title: 'Nothing to save', message: 'No field has changed.' });
        return;
      }
      try {
        await update.mutateAsync(body);
      } catch (e) {
        if (isApiError(e) && e.status === 409) {
          setConflict(true);
          return;
        }
        throw e;
      }
      notifications.show({ color: 'green', title: 'Saved', message: `${learnerName(values)} is up to date.` });
    },
  });
  const fields = (
    <LearnerFields form={f.form} mode="edit" providers={data.providers} yearGroups={data.yearGroups} genders={data.genders} ethnicities={data.ethnicities} disabled={!canEdit} />
  );
  return (
    <Stack>
      {conflict && (
        <Alert color="orange" role="alert" title="Someone else changed this learner — reload">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{CONFLICT_MESSAGE}</Text>
            <Button size="xs" onClick={() => onReload()}>
              Reload the learner
            </Button>
          </Stack>
        </Alert>
      )}
      {canEdit ? (
        <ApiForm state={f} submitLabel="Save changes" aria-label="Edit learner">
          {fields}
        </ApiForm>
      ) : (
        fields
      )}
    </Stack>
  );
}

export function LearnerDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const me = useMe();
  const q = useLearner(id);
  const canEdit = can(me.data?.permissions, PERMISSIONS.learnersEdit);
  const canAudit = can(me.data?.permissions, PERMISSIONS.auditView);
  const actions = useLearnerActions({ onDeleted: () => navigate('/learners') });

  if (q.isPending) return <Loader aria-label="Loading the learner" />;
  if (q.isError)
    return (
      <Stack>
        <PageTitle>Learner</PageTitle>
        <Alert color="red" role="alert">
          {isApiError(q.error) && q.error.status === 404 ? 'This learner does not exist or has been deleted.' : errorMessage(q.error)}
        </Alert>
        <Anchor component={Link} to="/learners">
          Back to learners
        </Anchor>
      </Stack>
    );
  const learner = q.data;
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/learners" size="sm">
        ← All learners
      </Anchor>
      <PageTitle description={`${learner.username} · ${learner.provider_name}`}>{learnerName(learner)}</PageTitle>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Status
          </Title>
          <SectionBadges sections={learner.sections} long />
          <Group gap={6}>
            <ApprovalBadge approval={learner.approval} />
            <LockedBadge locked={learner.locked} />
            {learner.must_change_password && (
              <Badge size="sm" color="yellow" variant="outline" tt="none">
                Must change password
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Text size="sm">Last signed in: {learner.last_login_at ? formatDateTime(learner.last_login_at) : 'Never'}</Text>
            <Text size="sm">Created: {formatDateTime(learner.created_at)}</Text>
          </SimpleGrid>
          {canEdit && (
            <Group>
              <Button variant="outline" color="orange" onClick={() => actions.askReset(learner)}>
                Reset password
              </Button>
              {learner.locked && (
                <Button color="orange" onClick={() => actions.unlock(learner)} loading={actions.unlocking === learner.id}>
                  Unlock
                </Button>
              )}
              <Button variant="outline" color="red" onClick={() => actions.askDelete(learner)}>
                Delete learner
              </Button>
            </Group>
          )}
          {canAudit && (
            <Anchor component={Link} to={`/admin/audit?entity_type=learner&entity_id=${learner.id}`} size="sm">
              See the history of this learner
            </Anchor>
          )}
        </Stack>
      </Paper>
      <LearnerGroups learnerId={learner.id} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {canEdit ? 'Edit details' : 'Details'}
        </Title>
        <EditLearnerForm learner={learner} canEdit={canEdit} onReload={() => q.refetch()} key={learner.version} />
      </Paper>
      {actions.dialogs}
    </Stack>
  );
}
