// The audit log: every change, newest first.
import { api, type Query } from '@/lib/api-client';
import type { AuditEvent, ListPage } from '@/lib/types';

export const auditKey = ['audit'] as const;

export function listAudit(params: Query, signal?: AbortSignal) {
  return api.get<ListPage<AuditEvent>>('/audit', params, signal);
}
