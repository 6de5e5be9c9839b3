// The header's way to notifications: a bell with the unread count, said in words to screen readers,
// updated live from the event stream.
import { ActionIcon, Indicator } from '@mantine/core';
import { Link } from 'react-router';
import { useNotificationEvents, useNotifications } from '../api';

export function unreadLabel(unread: number): string {
  return unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
}

function Bell() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationsLink() {
  useNotificationEvents();
  const q = useNotifications({ limit: 1 });
  const unread = q.data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" size="lg" aria-label={unreadLabel(unread)}>
        <Bell />
      </ActionIcon>
    </Indicator>
  );
}
