import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { EmptyState } from '@/components/EmptyState';
import { navFor } from '@/app/layout/nav';
import { can, PERMISSIONS } from '@/lib/permissions';
import { useMe } from '@/features/auth/api';
import { LearnerDashboard } from '@/features/learners/components/LearnerDashboard';

export function HomePage() {
  const me = useMe();
  if (!me.data) return null;
  const items = navFor(me.data.permissions, me.data.user.roles).filter((i) => i.to !== '/');
  const admin = items.filter((i) => i.section === 'admin');
  const name = me.data.user.first_name || me.data.user.username;
  const dashboard = can(me.data.permissions, PERMISSIONS.learnersView);
  return (
    <Stack>
      <PageTitle description={`Signed in as ${me.data.user.username}.`}>{`Welcome, ${name}`}</PageTitle>
      {dashboard && <LearnerDashboard canCreate={can(me.data.permissions, PERMISSIONS.learnersEdit)} />}
      {dashboard && (
        <Title order={2} size="h3" mt="md">
          Where to go
        </Title>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map((i) => (
          <Card withBorder key={i.to} padding="lg" radius="md">
            <Anchor component={Link} to={i.to} fw={700} size="lg">
              {i.label}
            </Anchor>
            <Text size="sm" mt={4}>
              {i.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {admin.length === 0 && !dashboard && (
        <EmptyState title="Nothing else to do here yet">
          Your account has no administration roles. You can keep your details, username and password up to date from Account. If you need more access, ask your administrator.
        </EmptyState>
      )}
    </Stack>
  );
}
