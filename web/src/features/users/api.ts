// Users (staff and learner accounts) and the roles that can be assigned to them.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '@/lib/api-client';
import type { ListPage, Role, RoleAssignment, User } from '@/lib/types';

export const usersKey = ['users'] as const;

export function listUsers(params: Query, signal?: AbortSignal) {
  return api.get<ListPage<User>>('/users', params, signal);
}

export const userQuery = (id: number) =>
  queryOptions({ queryKey: [...usersKey, 'one', id], queryFn: ({ signal }) => api.get<User>(`/users/${id}`, undefined, signal) });

export function useUser(id: number) {
  return useQuery(userQuery(id));
}

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: ({ signal }) => api.get<{ items: Role[] }>('/roles', undefined, signal), staleTime: 5 * 60_000 });
}

export interface CreateUserInput {
  username: string;
  email?: string;
  first_name: string;
  last_name: string;
  telephone?: string;
  password?: string;
  roles: RoleAssignment[];
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => api.post<User>('/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export interface UpdateUserInput {
  first_name?: string;
  last_name?: string;
  email?: string;
  telephone?: string;
  roles?: RoleAssignment[];
  version: number;
}

function useUserMutation<A>(id: number, fn: (a: A) => Promise<User>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (u) => {
      qc.setQueryData(userQuery(id).queryKey, u);
      return qc.invalidateQueries({ queryKey: usersKey });
    },
  });
}

export function useUpdateUser(id: number) {
  return useUserMutation(id, (body: UpdateUserInput) => api.patch<User>(`/users/${id}`, body));
}

export function useUserAction(id: number) {
  return useUserMutation(id, (action: 'disable' | 'enable' | 'unlock') => api.post<User>(`/users/${id}/${action}`));
}
