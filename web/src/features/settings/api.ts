// Tenant settings: the password policy preset.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Settings } from '@/lib/types';
import { meQueryKey } from '@/features/auth/api';

export const settingsKey = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => api.get<Settings>('/settings', undefined, signal) });
}

export function useUpdateSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<Settings, 'password_policy' | 'version'>) => api.patch<Settings>('/settings', body),
    onSuccess: (s) => {
      qc.setQueryData(settingsKey, s);
      return qc.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
