// A learner's page for their manager: state at a glance, account actions, approval, and the
// profile's sections as tabs to view, edit (with the version read), complete and reopen.
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { errorMessage, isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { can, PERMISSIONS } from '@/lib/permissions';
import { useMe } from '@/features/auth/api';
import { useLearner } from '../api';
import { ApprovalPanel } from '../components/ApprovalPanel';
import { learnerName, useLearnerActions } from '../components/LearnerActionDialogs';
import { ApprovalBadge, LockedBadge, SectionBadges } from '../components/LearnerBadges';
import { ProfileSections } from '../components/ProfileSections';
import { QualificationsSection } from '@/features/qualifications/components/QualificationsSection';
import { ReferenceSection } from '@/features/references';
import { LearnerGroups } from '@/features/groups/components/LearnerGroups';

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
          Profile approval
        </Title>
        <ApprovalPanel learner={learner} canEdit={canEdit} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          Profile
        </Title>
        <ProfileSections
          learner={learner}
          owner={{ kind: 'manager', learnerId: learner.id }}
          canEdit={canEdit}
          onReload={() => q.refetch()}
          qualifications={<QualificationsSection learner={learner} own={false} canEdit={canEdit} />}
          reference={<ReferenceSection learner={learner} />}
        />
      </Paper>
      {actions.dialogs}
    </Stack>
  );
}
