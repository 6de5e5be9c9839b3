import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useSignOut } from '@/features/auth/api';

export function SignOutButton() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Button
      variant="default"
      size="sm"
      loading={signOut.isPending}
      onClick={() =>
        signOut.mutate(undefined, {
          onSettled: () => {
            notifications.show({ color: 'blue', title: 'Signed out', message: 'You have signed out.' });
            navigate('/login', { replace: true });
          },
        })
      }
    >
      Sign out
    </Button>
  );
}
