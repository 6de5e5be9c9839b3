// "Notifications": the signed-in user's messages, newest first; opening one marks it read, and
// "Mark all as read" clears the count.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import type { AppNotification } from '@/lib/types';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api';

const PAGE = 20;

function NotificationItem({ n }: { n: AppNotification }) {
  const markRead = useMarkRead();
  const unread = !n.read_at;
  const open = () => unread && markRead.mutate(n.id);
  return (
    <Paper withBorder p="md" radius="md" component="li" bg={unread ? 'blue.0' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{n.title}</Text>
          {unread && (
            <Badge color="blue" variant="filled" tt="none" miw="max-content">
              Unread
            </Badge>
          )}
        </Group>
        {n.body && <Text size="sm">{n.body}</Text>}
        <Group gap="md">
          <Text size="xs" c="gray.7">
            {formatDateTime(n.created_at)}
          </Text>
          {n.link && (
            <Anchor component={Link} to={n.link} size="sm" onClick={open}>
              Open
            </Anchor>
          )}
          {unread && (
            <Button size="compact-xs" variant="subtle" onClick={open} loading={markRead.isPending} aria-label={`Mark “${n.title}” as read`}>
              Mark as read
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

export function NotificationsPage() {
  const [limit, setLimit] = useState(PAGE);
  const q = useNotifications({ limit });
  const markAll = useMarkAllRead();
  const unread = q.data?.unread ?? 0;
  return (
    <Stack maw={760}>
      <PageTitle
        description="Messages about your account and your learners."
        actions={
          unread > 0 && (
            <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              Mark all as read
            </Button>
          )
        }
      >
        Notifications
      </PageTitle>
      {q.isPending && <Loader aria-label="Loading notifications" />}
      {q.isError && (
        <Alert color="red" role="alert">
          {errorMessage(q.error)}
        </Alert>
      )}
      {q.data && q.data.total === 0 && (
        <EmptyState title="No notifications yet">When something needs your attention — your profile being approved, for example — it appears here.</EmptyState>
      )}
      {q.data && q.data.total > 0 && (
        <>
          <Text size="sm" aria-live="polite">
            {unread === 0 ? 'All read.' : `${unread} unread of ${q.data.total}.`}
          </Text>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Notifications">
            {q.data.items.map((n) => (
              <NotificationItem key={n.id} n={n} />
            ))}
          </Stack>
          {q.data.next_cursor && (
            <Button variant="default" onClick={() => setLimit((l) => l + PAGE)} loading={q.isFetching}>
              Show older notifications
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
