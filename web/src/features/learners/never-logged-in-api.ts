// Learners who have never signed in (manual 6.4, 7.5), with the passwords generated for them, and
// the same list as a workbook for handing the passwords out. Viewing is audited by the server.
import { api, API_BASE, buildQuery, type Query } from '@/lib/api-client';
import type { ListPage, NeverLoggedInLearner } from '@/lib/types';
import { learnersKey } from './api';

/** Under the learners' key: whatever changes learners (an import, a first sign-in) reloads it too. */
export const neverLoggedInKey = [...learnersKey, 'never-logged-in'] as const;

export function listNeverLoggedIn(params: Query, signal?: AbortSignal) {
  return api.get<ListPage<NeverLoggedInLearner>>('/learners/never-logged-in', params, signal);
}

export const NEVER_LOGGED_IN_FILENAME = 'learners-never-logged-in.xlsx';

/** GET: the list as a workbook, with the same filters as on screen. */
export function neverLoggedInDownloadUrl(filters: { provider_id?: string; q?: string }): string {
  return `${API_BASE}/learners/never-logged-in.xlsx${buildQuery(filters)}`;
}
