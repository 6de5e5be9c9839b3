// What a list shows when it has nothing in it: say so, and say what to do next.
import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Stack gap={6} align="flex-start">
      <Text fw={700}>{title}</Text>
      {children && <Text size="sm">{children}</Text>}
      {action}
    </Stack>
  );
}
