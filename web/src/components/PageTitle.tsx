// The page's one <h1>. It takes focus when the user navigates to the page so screen reader and keyboard users
// start at the new content after a navigation, and it sets the document title.
import { useEffect, useRef, type ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';

// On the first page of a visit the browser's own focus start (before the skip link) is right;
// only later, in-app navigations move focus to the new page's heading.
let firstPage = true;

export function PageTitle({ children, description, actions }: { children: string; description?: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – Learnertrack`;
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [children]);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap">
      <div>
        <Title order={1} ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
          {children}
        </Title>
        {description && (
          <Text c="dimmed" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {actions && <Group>{actions}</Group>}
    </Group>
  );
}
