// Account state at a glance: active/disabled, locked, email verified.
import { Badge, Group } from '@mantine/core';
import type { User } from '@/lib/types';

export function StatusBadges({ user }: { user: Pick<User, 'status' | 'locked' | 'email_verified' | 'must_change_password'> }) {
  return (
    <Group gap={6} wrap="wrap">
      {user.status === 'disabled' ? <Badge color="gray" variant="filled">Disabled</Badge> : <Badge color="green" variant="filled">Active</Badge>}
      {user.locked && <Badge color="red" variant="filled">Locked</Badge>}
      {user.email_verified ? <Badge color="blue" variant="outline">Verified</Badge> : <Badge color="orange" variant="outline">Not verified</Badge>}
      {user.must_change_password && <Badge color="yellow" variant="outline">Must change password</Badge>}
    </Group>
  );
}
