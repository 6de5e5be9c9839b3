// One group (manual 8.1, 8.2): its members, ticked to un-assign, and the provider's learners, found
// by search and year group and ticked to associate; rename and delete for provider and user managers.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Button, Loader, Paper, Stack, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { errorMessage, isApiError } from '@/lib/api-client';
import { can, PERMISSIONS } from '@/lib/permissions';
import type { LearnerGroup } from '@/lib/types';
import { useMe } from '@/features/auth/api';
import { learnersKey, listLearners } from '@/features/learners/api';
import { useChangeMembers, useGroup } from '../api';
import { membersText, useGroupActions } from '../components/GroupDialogs';
import { LearnerChecklist } from '../components/LearnerChecklist';

// The server caps a page at 500; a larger group still works, only the "In group" marks stop there.
const MEMBER_MARKS_LIMIT = 500;

function Membership({ group, canAct }: { group: LearnerGroup; canAct: boolean }) {
  const change = useChangeMembers(group.id);
  const members = useQuery({
    queryKey: [...learnersKey, 'member-ids', group.id],
    queryFn: ({ signal }) => listLearners({ group_id: group.id, limit: MEMBER_MARKS_LIMIT }, signal),
  });
  const memberIds = useMemo(() => new Set((members.data?.items ?? []).map((l) => l.id)), [members.data]);
  return (
    <>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="members-heading">
        <Title order={2} size="h3" mb="sm" id="members-heading">
          Members
        </Title>
        <LearnerChecklist
          label={`Members of ${group.name}`}
          noun="members"
          scope={{ group_id: group.id }}
          verb="Un-assign"
          done={(n) => `${membersText(n)} taken out of ${group.name}.`}
          onAction={(ids) => change.mutateAsync({ remove: ids })}
          canAct={canAct}
          empty={
            <EmptyState title="No learners match">
              {group.members === 0 ? 'Nobody is in this group yet. Tick learners in the list below, then associate them.' : 'Try another search or year group.'}
            </EmptyState>
          }
        />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="add-heading">
        <Title order={2} size="h3" mb="sm" id="add-heading">
          Add learners from {group.provider_name}
        </Title>
        <LearnerChecklist
          label={`Learners at ${group.provider_name}`}
          noun="learners"
          scope={{ provider_id: group.provider_id }}
          verb="Associate"
          done={(n) => `${membersText(n)} put into ${group.name}.`}
          onAction={(ids) => change.mutateAsync({ add: ids })}
          canAct={canAct}
          memberIds={memberIds}
          empty={<EmptyState title="No learners match">Try another search or year group. Only learners at {group.provider_name} can join this group.</EmptyState>}
        />
      </Paper>
    </>
  );
}

export function GroupPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const me = useMe();
  const q = useGroup(id);
  const canEdit = can(me.data?.permissions, PERMISSIONS.groupsEdit);
  const canSeeLearners = can(me.data?.permissions, PERMISSIONS.learnersView);
  const canAct = can(me.data?.permissions, PERMISSIONS.learnersEdit);
  const actions = useGroupActions({ onDeleted: () => navigate('/groups') });

  if (q.isPending) return <Loader aria-label="Loading the group" />;
  if (q.isError)
    return (
      <Stack>
        <PageTitle>Group</PageTitle>
        <Alert color="red" role="alert">
          {isApiError(q.error) && q.error.status === 404 ? 'This group does not exist or has been deleted.' : errorMessage(q.error)}
        </Alert>
        <Anchor component={Link} to="/groups">
          Back to groups
        </Anchor>
      </Stack>
    );
  const group = q.data;
  return (
    <Stack>
      <Anchor component={Link} to="/groups" size="sm">
        ← All groups
      </Anchor>
      <PageTitle
        description={`${group.provider_name} · ${membersText(group.members)}`}
        actions={
          canEdit && (
            <>
              <Button variant="outline" onClick={() => actions.askRename(group)}>
                Rename group
              </Button>
              <Button variant="outline" color="red" onClick={() => actions.askDelete(group)}>
                Delete group
              </Button>
            </>
          )
        }
      >
        {group.name}
      </PageTitle>
      {canSeeLearners ? (
        <>
          <Anchor component={Link} to={`/learners?group_id=${group.id}`}>
            Open these {membersText(group.members)} in the learner list
          </Anchor>
          {!canAct && (
            <Alert color="blue" title="Learner managers fill groups">
              You can see who is in this group; a learner manager at {group.provider_name} ticks learners in and out.
            </Alert>
          )}
          <Membership group={group} canAct={canAct} />
        </>
      ) : (
        <Alert color="blue" title="Learner managers fill groups">
          Your account manages the group itself. A learner manager at {group.provider_name} ticks the learners who belong in it.
        </Alert>
      )}
      {actions.dialogs}
    </Stack>
  );
}
