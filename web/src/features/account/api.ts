// The signed-in user's own account: personal details, username, password.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Me } from '@/lib/types';
import { meQueryKey } from '@/features/auth/api';

export interface PersonalDetails {
  first_name: string;
  last_name: string;
  email: string;
  telephone: string;
  version: number;
}

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PersonalDetails> & { version: number }) => api.patch<Me>('/me', body),
    onSuccess: (me) => qc.setQueryData(meQueryKey, me),
  });
}

export function useChangeUsername() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => api.put<{ signed_out: boolean }>('/me/username', { username }),
    onSuccess: () => {
      qc.clear();
      qc.setQueryData(meQueryKey, null);
    },
  });
}

export { useChangePassword } from '@/features/auth/api';
