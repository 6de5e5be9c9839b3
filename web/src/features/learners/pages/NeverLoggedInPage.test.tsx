import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage as renderWithProviders } from '@/test/render-page';
import { json, routeFetch } from '@/test/fetch-routes';
import { twoProviders as providers } from '@/test/providers';
import type { NeverLoggedInLearner } from '@/lib/types';
import { NeverLoggedInPage } from './NeverLoggedInPage';

function learner(overrides: Partial<NeverLoggedInLearner> = {}): NeverLoggedInLearner {
  return {
    learner_id: 1, provider_id: 5, provider_name: 'Cheltenham College', first_name: 'Ada', last_name: 'Lovelace', postcode: 'GL50 3SH',
    uln: '1234567890', date_of_birth: '2008-01-01', username: 'alovelace', password: 'RLK258E1', created_at: '2026-06-27T10:00:00Z', ...overrides,
  };
}

function renderPage() {
  return renderWithProviders(<NeverLoggedInPage />, '/learners/never-logged-in');
}

afterEach(() => vi.unstubAllGlobals());

describe('NeverLoggedInPage', () => {
  it('lists the learners with their generated passwords, or says a manager set it', async () => {
    routeFetch([
      { path: '/api/v1/providers', answer: json(providers) },
      {
        path: '/api/v1/learners/never-logged-in',
        answer: json({ items: [learner(), learner({ learner_id: 2, first_name: 'Bob', last_name: 'Learner', username: 'blearner', password: null, postcode: '', uln: '' })], next_cursor: null, total: 2 }),
      },
    ]);
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Learners who have not logged in' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Learners who have not logged in' });
    await within(table).findByText('alovelace');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Provider', 'First name', 'Last name', 'Postcode', 'ULN', 'Date of birth', 'Username', 'Password', 'Created on']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows[0]).toEqual(['Cheltenham College', 'Ada', 'Lovelace, Ada', 'GL50 3SH', '1234567890', '01 Jan 2008', 'alovelace', 'RLK258E1', '27 Jun 2026']);
    expect(rows[1][7]).toBe('Set by a manager');
    expect(within(table).getByText('RLK258E1').tagName).toBe('CODE');
    expect(within(table).getByRole('link', { name: 'Lovelace, Ada' }).getAttribute('href')).toBe('/learners/1');
    expect(screen.getByText('Showing 1–2 of 2')).toBeTruthy();
  });

  it('filters by provider, and downloads the list with the same filter', async () => {
    const fetchMock = routeFetch([
      { path: '/api/v1/providers', answer: json(providers) },
      { path: '/api/v1/learners/never-logged-in', answer: json({ items: [learner()], next_cursor: null, total: 1 }) },
    ]);
    renderPage();
    const download = screen.getByRole('link', { name: 'Download learners who have not logged in' });
    expect(download.getAttribute('href')).toBe('/api/v1/learners/never-logged-in.xlsx');
    expect(download.getAttribute('download')).toBe('learners-never-logged-in.xlsx');

    const provider = await screen.findByRole('combobox', { name: /Provider/ });
    await userEvent.selectOptions(provider, 'Gloucester School');
    await waitFor(() => expect(download.getAttribute('href')).toBe('/api/v1/learners/never-logged-in.xlsx?provider_id=6'));
    await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => /^\/api\/v1\/learners\/never-logged-in\?.*provider_id=6/.test(String(url)))).toBe(true));
  });

  it('offers no provider filter to someone with one provider', async () => {
    routeFetch([
      { path: '/api/v1/providers', answer: json({ items: [providers.items[0]], next_cursor: null, total: 1 }) },
      { path: '/api/v1/learners/never-logged-in', answer: json({ items: [learner()], next_cursor: null, total: 1 }) },
    ]);
    renderPage();
    await screen.findByText('alovelace');
    expect(screen.queryByRole('combobox', { name: /Provider/ })).toBeNull();
  });

  it('says when every learner has signed in', async () => {
    routeFetch([
      { path: '/api/v1/providers', answer: json(providers) },
      { path: '/api/v1/learners/never-logged-in', answer: json({ items: [], next_cursor: null, total: 0 }) },
    ]);
    renderPage();
    expect(await screen.findByText('Every learner has signed in at least once.')).toBeTruthy();
  });
});
