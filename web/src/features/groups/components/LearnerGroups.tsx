// The groups a learner is in, for the learner's page: each links to its group page.
import { Alert, Anchor, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { useLearnerGroups } from '../api';

export function LearnerGroups({ learnerId }: { learnerId: number }) {
  const q = useLearnerGroups(learnerId);
  const groups = q.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="learner-groups-heading">
      <Title order={2} size="h4" mb="xs" id="learner-groups-heading">
        Groups
      </Title>
      {q.isPending && <Loader size="sm" aria-label="Loading the learner's groups" />}
      {q.isError && (
        <Alert color="red" role="alert">
          {errorMessage(q.error)}
        </Alert>
      )}
      {q.isSuccess && groups.length === 0 && (
        <Text size="sm">Not in any group. Groups such as tutor or support groups are filled from each group's page.</Text>
      )}
      {groups.length > 0 && (
        <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Groups of this learner">
          {groups.map((g) => (
            <li key={g.id}>
              <Anchor component={Link} to={`/groups/${g.id}`}>
                {g.name}
              </Anchor>
            </li>
          ))}
        </Group>
      )}
    </Paper>
  );
}
