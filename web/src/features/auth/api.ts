// Session, "who am I", password resets and account verification.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, isApiError } from '@/lib/api-client';
import type { Me, PasswordPolicy } from '@/lib/types';

export const meQueryKey = ['me'] as const;

/** GET /me — null when nobody is signed in. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/me', { signal, skipAuthHandlers: true });
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000, retry: false });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => apiRequest<Me>('/session', { method: 'POST', body, skipAuthHandlers: true }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(meQueryKey, me);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/session', { method: 'DELETE', skipAuthHandlers: true }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meQueryKey, null);
    },
  });
}

export function requestPasswordReset(username_or_email: string) {
  return api.post<void>('/password-resets', { username_or_email }, { skipAuthHandlers: true });
}

export function useResetToken(token: string) {
  return useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => apiRequest<{ password_policy: PasswordPolicy }>(`/password-resets/${encodeURIComponent(token)}`, { skipAuthHandlers: true }),
    retry: false,
    staleTime: Infinity,
  });
}

export function completePasswordReset(token: string, password: string) {
  return apiRequest<void>(`/password-resets/${encodeURIComponent(token)}`, { method: 'POST', body: { password }, skipAuthHandlers: true });
}

export function useVerificationToken(token: string) {
  return useQuery({
    queryKey: ['verification', token],
    queryFn: () => apiRequest<{ username: string; password_policy: PasswordPolicy }>(`/verifications/${encodeURIComponent(token)}`, { skipAuthHandlers: true }),
    retry: false,
    staleTime: Infinity,
  });
}

export function completeVerification(token: string, password: string) {
  return apiRequest<void>(`/verifications/${encodeURIComponent(token)}`, { method: 'POST', body: { password }, skipAuthHandlers: true });
}

/** PUT /me/password — also used by the forced change at first sign-in. */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { current_password: string; new_password: string }) => apiRequest<Me>('/me/password', { method: 'PUT', body, skipAuthHandlers: true }),
    onSuccess: (me) => qc.setQueryData(meQueryKey, me),
  });
}
