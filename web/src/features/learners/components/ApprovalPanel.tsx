// Profile approval for the learner's manager (manual 5.6): where sign-off applies, "Approve
// profile" once every section is complete, and "Un-approve profile"; the learner is told in the app
// (and by email when they have one).
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '@/lib/api-client';
import type { Learner } from '@/lib/types';
import { useSetApproval } from '../profile-api';
import { learnerName } from './LearnerActionDialogs';

const EXPLAIN: Record<string, string> = {
  not_required: 'This learner’s profile does not need your approval: their applications go ahead without it.',
  incomplete: 'Every section must be complete before you can approve the profile.',
  awaiting: 'Every section is complete. Review the profile, make any changes, then approve it.',
  approved: 'You approved this profile. If the learner changes it, it comes back to you for approval.',
};

export function ApprovalPanel({ learner, canEdit }: { learner: Learner; canEdit: boolean }) {
  const approval = useSetApproval(learner.id);
  const [error, setError] = useState<string | null>(null);
  const act = async (approve: boolean) => {
    setError(null);
    try {
      await approval.mutateAsync(approve);
      notifications.show({ color: 'green', title: approve ? 'Profile approved' : 'Approval withdrawn', message: `${learnerName(learner)} has been told.` });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Stack gap="xs">
      <Text size="sm">{EXPLAIN[learner.approval] ?? ''}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {canEdit && learner.approval !== 'not_required' && (
        <Group>
          {learner.approval !== 'approved' ? (
            <Button color="green" onClick={() => act(true)} loading={approval.isPending} disabled={learner.approval !== 'awaiting'}>
              Approve profile
            </Button>
          ) : (
            <Button variant="outline" color="orange" onClick={() => act(false)} loading={approval.isPending}>
              Un-approve profile
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
