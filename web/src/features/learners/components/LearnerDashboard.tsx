// Manual 4.0: the learner manager's dashboard. Each count links to the list it counts (the server
// guarantees each count equals the total of GET /learners?status=…); a bar shows its share of all
// learners, drawn with plain CSS (the numbers carry the meaning, the bars are decoration).
import { Alert, Anchor, Box, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { errorMessage } from '@/lib/api-client';
import { useDashboard } from '../api';
import { dashboardEntries } from '../status';

export function LearnerDashboard({ canCreate }: { canCreate: boolean }) {
  const q = useDashboard();
  const entries = dashboardEntries(q.data?.counts);
  const total = entries[0].count;

  return (
    <Stack gap="sm" component="section" aria-labelledby="dashboard-heading">
      <Title order={2} size="h3" id="dashboard-heading">
        Your learners
      </Title>
      <Text size="sm">Learners you can oversee, and those who may need your help. Select a number to see the learners it counts.</Text>
      {q.isPending && (
        <Group gap="xs">
          <Loader size="sm" aria-hidden /> <Text size="sm">Loading the counts…</Text>
        </Group>
      )}
      {q.isError && (
        <Alert color="red" role="alert" title="The counts could not be loaded">
          {errorMessage(q.error)}
        </Alert>
      )}
      {q.data && total === 0 && (
        <EmptyState
          title="No learners yet"
          action={
            canCreate ? (
              <Anchor component={Link} to="/learners/new">
                Create the first learner
              </Anchor>
            ) : undefined
          }
        >
          When learners are created at your providers, their counts appear here.
        </EmptyState>
      )}
      {q.data && total > 0 && (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          {entries.map((e) => {
            const share = total ? Math.round((e.count / total) * 100) : 0;
            return (
              <Card withBorder key={e.key} padding="md" radius="md" data-testid={`dashboard-${e.key}`}>
                <Anchor component={Link} to={e.to} underline="hover" data-count={e.count}>
                  <Text component="span" fz={32} fw={800} lh={1.1} display="block">
                    {e.count}
                  </Text>
                  <Text component="span" fw={600} display="block">
                    {e.label}
                  </Text>
                </Anchor>
                {e.key !== 'learners' && (
                  <>
                    <Box mt="xs" h={8} bg="gray.2" style={{ borderRadius: 4, overflow: 'hidden' }} aria-hidden>
                      <Box h="100%" w={`${share}%`} bg={e.count ? 'blue.8' : 'transparent'} />
                    </Box>
                    <Text size="xs" c="dimmed" mt={4}>
                      {share}% of all learners
                    </Text>
                  </>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
