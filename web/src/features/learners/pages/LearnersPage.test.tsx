import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, routeFetch } from '@/test/fetch-routes';
import { twoProviders as providers } from '@/test/providers';
import { renderPage } from '@/test/render-page';
import { LearnersPage } from './LearnersPage';

afterEach(() => vi.unstubAllGlobals());

describe('LearnersPage downloads', () => {
  it('point at the server’s exports with the list’s current filters', async () => {
    const fetchMock = routeFetch([
      { path: '/api/v1/providers', answer: json(providers) },
      { path: '/api/v1/groups', answer: json({ items: [], next_cursor: null, total: 0 }) },
      { path: '/api/v1/learners', answer: json({ items: [], next_cursor: null, total: 0 }) },
    ]);
    renderPage(<LearnersPage />, '/learners?status=never_logged_in&sort=-created_at');
    const excel = screen.getByRole('link', { name: 'Download Excel' });
    const csv = screen.getByRole('link', { name: 'Download CSV' });
    expect(excel.getAttribute('href')).toBe('/api/v1/learners.xlsx?status=never_logged_in&sort=-created_at');
    expect(excel.getAttribute('download')).toBe('learners.xlsx');
    expect(csv.getAttribute('href')).toBe('/api/v1/learners.csv?status=never_logged_in&sort=-created_at');
    expect(csv.getAttribute('download')).toBe('learners.csv');
    // the server's files replace the in-browser export, which stops at 10,000 rows
    expect(screen.queryByRole('button', { name: 'Export to Excel' })).toBeNull();

    await screen.findByRole('option', { name: 'Gloucester School' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Provider/ }), 'Gloucester School');
    await userEvent.type(screen.getByRole('searchbox', { name: /Search/ }), ' smi ');
    const filters = 'q=smi&provider_id=6&status=never_logged_in&sort=-created_at';
    await waitFor(() => expect(excel.getAttribute('href')).toBe(`/api/v1/learners.xlsx?${filters}`));
    expect(csv.getAttribute('href')).toBe(`/api/v1/learners.csv?${filters}`);
    // ... the same filters the list itself was asked for, in the summary view the table shows
    const listCalls = () =>
      fetchMock.mock.calls.map(([url]) => new URL(String(url), 'http://localhost')).filter((u) => u.pathname === '/api/v1/learners');
    const listedWith = () =>
      listCalls().map((u) => {
        u.searchParams.delete('limit');
        u.searchParams.delete('view');
        return u.searchParams.toString();
      });
    await waitFor(() => expect(listedWith()).toContain(filters));
    expect(new Set(listCalls().map((u) => u.searchParams.get('view')))).toEqual(new Set(['summary']));

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(excel.getAttribute('href')).toBe('/api/v1/learners.xlsx?sort=-created_at'));
  });
});
