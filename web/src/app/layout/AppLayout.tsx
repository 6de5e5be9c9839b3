// The signed-in frame: header (menu button on phones, notifications, name, sign out), role-aware navigation, main.
// It is also the guard: nobody signed in → sign-in page; a forced password change → that page.
import { AppShell, Burger, Center, Group, Loader, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { fullName } from '@/lib/format';
import { useMe } from '@/features/auth/api';
import { NotificationsLink } from '@/features/notifications/components/NotificationsLink';
import { navFor } from './nav';
import { SignOutButton } from './SignOutButton';
import { SkipLink } from './SkipLink';

export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (me.isError)
    return (
      <Center h="100vh" role="alert">
        <Text>The server could not be reached. Reload the page to try again.</Text>
      </Center>
    );
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.must_change_password) return <Navigate to="/change-password" replace />;

  const items = navFor(me.data.permissions, me.data.user.roles);
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`));
  const main = items.filter((i) => i.section === 'main');
  const admin = items.filter((i) => i.section === 'admin');

  return (
    <>
      <SkipLink />
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} aria-expanded={opened} aria-controls="main-navigation" />
              <Text component={Link} to="/" fw={800} size="lg" c="blue.9" style={{ textDecoration: 'none' }}>
                Learnertrack
              </Text>
            </Group>
            <Group wrap="nowrap" gap="sm">
              <NotificationsLink />
              <Text size="sm" visibleFrom="sm">
                {fullName(me.data.user) || me.data.user.username}
              </Text>
              <SignOutButton />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label="Main">
          {main.map((i) => (
            <NavLink key={i.to} component={Link} to={i.to} label={i.label} active={isActive(i.to)} aria-current={isActive(i.to) ? 'page' : undefined} onClick={close} />
          ))}
          {admin.length > 0 && (
            <>
              <Text size="xs" fw={700} tt="uppercase" c="gray.7" mt="md" mb={4} px="sm" id="nav-admin-heading">
                Administration
              </Text>
              {admin.map((i) => (
                <NavLink key={i.to} component={Link} to={i.to} label={i.label} active={isActive(i.to)} aria-current={isActive(i.to) ? 'page' : undefined} onClick={close} />
              ))}
            </>
          )}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
