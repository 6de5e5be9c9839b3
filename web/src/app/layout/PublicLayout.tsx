// The frame of the pages used before signing in (and of the forced password change).
import { Container, Group, Paper, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useMe } from '@/features/auth/api';
import { SignOutButton } from './SignOutButton';
import { SkipLink } from './SkipLink';

export function PublicLayout() {
  const me = useMe();
  return (
    <>
      <SkipLink />
      <header>
        <Group px="md" h={60} justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text component={Link} to="/" fw={800} size="lg" c="blue.9" style={{ textDecoration: 'none' }}>
            Learnertrack
          </Text>
          {me.data && <SignOutButton />}
        </Group>
      </header>
      <main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Container size={480} py="xl">
          <Paper withBorder p="lg" radius="md">
            <Outlet />
          </Paper>
        </Container>
      </main>
    </>
  );
}
