// "My profile" for a signed-in learner: where their profile stands (sections, approval), and each
// section to fill in, save, mark complete and — once complete — reopen with "Update my personal
// information". Staff accounts have no learner profile and are told so.
import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { PageTitle } from '@/components/PageTitle';
import { errorMessage, isApiError } from '@/lib/api-client';
import { ApprovalBadge, SectionBadges } from '../components/LearnerBadges';
import { ProfileSections } from '../components/ProfileSections';
import { useOwnProfile } from '../profile-api';
import { LearnerReferenceView } from '@/features/references';
import { QualificationsSection } from '@/features/qualifications/components/QualificationsSection';

const APPROVAL_FOR_LEARNER: Record<string, string> = {
  not_required: 'Your profile does not need approval.',
  incomplete: 'Your learner manager approves your profile once every section is complete.',
  awaiting: 'Every section is complete. Your profile is waiting for your learner manager’s approval.',
  approved: 'Your learner manager has approved your profile. If you change it, it goes back to them for approval.',
};

export function MyProfilePage() {
  const q = useOwnProfile();
  if (q.isPending) return <Loader aria-label="Loading your profile" />;
  if (q.isError)
    return (
      <Stack>
        <PageTitle>My profile</PageTitle>
        <Alert color={isApiError(q.error) && q.error.status === 404 ? 'blue' : 'red'} role="alert">
          {isApiError(q.error) && q.error.status === 404 ? 'Your account is a staff account, so it has no learner profile.' : errorMessage(q.error)}
        </Alert>
      </Stack>
    );
  const learner = q.data;
  return (
    <Stack maw={900}>
      <PageTitle description={learner.provider_name}>My profile</PageTitle>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Where your profile stands
          </Title>
          <SectionBadges sections={learner.sections} long />
          <Group gap={6}>
            <ApprovalBadge approval={learner.approval} />
          </Group>
          <Text size="sm">{APPROVAL_FOR_LEARNER[learner.approval] ?? ''}</Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <ProfileSections
          learner={learner}
          owner={{ kind: 'self' }}
          canEdit
          onReload={() => q.refetch()}
          qualifications={<QualificationsSection learner={learner} own canEdit />}
          reference={<LearnerReferenceView />}
        />
      </Paper>
    </Stack>
  );
}
