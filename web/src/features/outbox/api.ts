// Outgoing email as the server queued it.
import { api, type Query } from '@/lib/api-client';
import type { ListPage, OutboxMessage } from '@/lib/types';

export const outboxKey = ['outbox'] as const;

export function listOutbox(params: Query, signal?: AbortSignal) {
  return api.get<ListPage<OutboxMessage>>('/outbox', params, signal);
}
