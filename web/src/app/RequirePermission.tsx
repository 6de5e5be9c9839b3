import type { ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { PageTitle } from '@/components/PageTitle';
import { can } from '@/lib/permissions';
import { useMe } from '@/features/auth/api';

export function RequirePermission({ permission, children }: { permission: string | readonly string[]; children: ReactNode }) {
  const me = useMe();
  if (!can(me.data?.permissions, permission))
    return (
      <Stack>
        <PageTitle>Not allowed</PageTitle>
        <Alert color="orange" role="alert">
          Your account does not have permission to see this page. If you need it, ask your administrator.
        </Alert>
      </Stack>
    );
  return <>{children}</>;
}
