// Keyset paging state for server lists (`?limit=&cursor=` → `{items, next_cursor, total}`).
// The server only hands out "next" cursors, so "previous" walks back a stack of cursors we used.
import type { Query } from '@/lib/api-client';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_LIMIT = 25;

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

export interface PagingState {
  limit: number;
  /** cursors of the pages we walked through; the last is the current page's (null = first page) */
  cursors: (string | null)[];
  sort: SortState | null;
}

export function initialPaging(limit = DEFAULT_LIMIT, sort: SortState | null = null): PagingState {
  return { limit, cursors: [null], sort };
}

export function currentCursor(s: PagingState): string | null {
  return s.cursors[s.cursors.length - 1] ?? null;
}

export function pageNumber(s: PagingState): number {
  return s.cursors.length;
}

export function nextPage(s: PagingState, nextCursor: string | null | undefined): PagingState {
  if (!nextCursor) return s;
  return { ...s, cursors: [...s.cursors, nextCursor] };
}

export function previousPage(s: PagingState): PagingState {
  if (s.cursors.length <= 1) return s;
  return { ...s, cursors: s.cursors.slice(0, -1) };
}

export function withLimit(s: PagingState, limit: number): PagingState {
  return { ...s, limit, cursors: [null] };
}

/** Clicking a column header: ascending, then descending, then back to the server's order. */
export function toggleSort(s: PagingState, key: string): PagingState {
  let sort: SortState | null;
  if (!s.sort || s.sort.key !== key) sort = { key, direction: 'asc' };
  else if (s.sort.direction === 'asc') sort = { key, direction: 'desc' };
  else sort = null;
  return { ...s, sort, cursors: [null] };
}

/** The query string parameters for one page: filters (empty ones dropped), limit, cursor, sort. */
export function listParams(filters: Query, s: PagingState): Query {
  const q: Query = {};
  for (const [k, v] of Object.entries(filters)) {
    if (v !== undefined && v !== null && v !== '') q[k] = v;
  }
  q.limit = s.limit;
  const cursor = currentCursor(s);
  if (cursor) q.cursor = cursor;
  if (s.sort) q.sort = s.sort.direction === 'desc' ? `-${s.sort.key}` : s.sort.key;
  return q;
}

/** 1-based range of rows shown, for "Showing 26–50 of 120". */
export function shownRange(s: PagingState, rowsOnPage: number): { from: number; to: number } {
  const from = rowsOnPage === 0 ? 0 : (pageNumber(s) - 1) * s.limit + 1;
  return { from, to: rowsOnPage === 0 ? 0 : from + rowsOnPage - 1 };
}

/** The list's total as shown: a broad search counts its matches only up to a cap, so then say
 * "more than" rather than show a number that is too low. */
export function totalLabel(total: number, capped?: boolean): string {
  const shown = total.toLocaleString('en-GB');
  return capped ? `more than ${shown}` : shown;
}
