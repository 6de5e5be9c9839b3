// Providers: list, read, create, edit.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '@/lib/api-client';
import type { ListPage, Provider } from '@/lib/types';

export const providersKey = ['providers'] as const;

export function listProviders(params: Query, signal?: AbortSignal) {
  return api.get<ListPage<Provider>>('/providers', params, signal);
}

export function getProvider(id: number, signal?: AbortSignal) {
  return api.get<Provider>(`/providers/${id}`, undefined, signal);
}

export const providerQuery = (id: number) => queryOptions({ queryKey: [...providersKey, 'one', id], queryFn: ({ signal }) => getProvider(id, signal) });

export function useProvider(id: number) {
  return useQuery(providerQuery(id));
}

/** Up to 500 providers for pickers and for naming scopes. */
export function useProviderOptions(enabled = true) {
  return useQuery({
    queryKey: [...providersKey, 'options'],
    queryFn: ({ signal }) => listProviders({ limit: 500 }, signal),
    enabled,
    staleTime: 60_000,
  });
}

export interface ProviderInput {
  name: string;
  ukprn: string;
}

export function useCreateProvider() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProviderInput) => api.post<Provider>('/providers', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: providersKey }),
  });
}

export function useUpdateProvider(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ProviderInput> & { version: number }) => api.patch<Provider>(`/providers/${id}`, body),
    onSuccess: (p) => {
      qc.setQueryData(providerQuery(id).queryKey, p);
      return qc.invalidateQueries({ queryKey: providersKey });
    },
  });
}

/** Client-side hint only: the server decides (422 invalid_ukprn / ukprn_taken). */
export function ukprnHint(v: string): string | null {
  const s = v.trim();
  if (!s) return 'Enter the UKPRN';
  if (!/^1\d{7}$/.test(s)) return 'A UKPRN is 8 digits starting with 1';
  return null;
}
