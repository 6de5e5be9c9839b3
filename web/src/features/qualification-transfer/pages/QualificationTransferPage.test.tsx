import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { FakeEventSource } from '@/test/fake-event-source';
import { json, routeFetch, type Route } from '@/test/fetch-routes';
import type { Job } from '@/features/jobs';
import type { DataImport } from '@/features/imports/api';
import { QualificationTransferPage } from './QualificationTransferPage';

function job(overrides: Partial<Job> = {}): Job {
  return {
    id: 5, kind: 'qualification_export', status: 'queued', progress: { done: 0, total: 0 }, result: null, result_url: null, error: null, cancel_requested: false,
    attempts: 0, created_at: '2026-11-22T09:00:00Z', started_at: null, finished_at: null, requested_by: 3, version: 1, ...overrides,
  };
}

function imp(overrides: Partial<DataImport> = {}): DataImport {
  return {
    id: 7, kind: 'qualification_import', status: 'queued', filename: 'quals.csv', progress: { done: 0, total: 0 }, created_count: 0, error_count: 0,
    errors: [], errors_truncated: false, rows_with_errors: 0, message: null, requested_by: { id: 3, name: 'Lena Manager' }, created_at: '2026-11-22T09:00:00Z',
    started_at: null, finished_at: null, version: 1, ...overrides,
  };
}

const base: Route[] = [
  {
    path: '/api/v1/reference/year-groups',
    answer: json([
      { code: 'year_11', label: 'Year 11' },
      { code: 'year_12', label: 'Year 12' },
    ]),
  },
  {
    path: '/api/v1/groups',
    answer: json({
      items: [{ id: 4, provider_id: 2, provider_name: 'Hill School', name: 'Sixth form', members: 30, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', version: 1 }],
      next_cursor: null,
      total: 1,
    }),
  },
];
const noExports: Route = { path: '/api/v1/exports', answer: json({ items: [], next_cursor: null, total: 0 }) };
const noImports: Route = { path: '/api/v1/imports', answer: json({ items: [], next_cursor: null }) };

function renderPage(url = '/learners/qualifications-transfer') {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={[url]}>
          <QualificationTransferPage />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const postsTo = (fetchMock: ReturnType<typeof routeFetch>) => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => vi.unstubAllGlobals());

describe('QualificationTransferPage', () => {
  it('opens on the Export tab, with an empty list of previous exports', async () => {
    const fetchMock = routeFetch([...base, noExports, noImports]);
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Learner qualifications import/export' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Export' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe('false');
    expect(await screen.findByText('No exports yet')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Previous exports' })).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/v1/exports?'))).toBe(true);
    // the import tab's list is not fetched until it is opened
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/v1/imports'))).toBe(false);
  });

  it('offers the year groups and your groups, and asks for a year group before sending anything', async () => {
    const fetchMock = routeFetch([...base, noExports]);
    renderPage();
    const year = screen.getByLabelText(/Learner year group/) as HTMLSelectElement;
    await screen.findByRole('option', { name: 'Year 12' });
    const group = screen.getByLabelText(/Learner group/) as HTMLSelectElement;
    expect(await within(group).findByRole('option', { name: 'Sixth form (Hill School)' })).toBeTruthy();
    expect(year.value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Choose the learner year group.')).toBeTruthy();
    expect(year.getAttribute('aria-invalid')).toBe('true');
    expect(postsTo(fetchMock)).toHaveLength(0);
  });

  it('sends the chosen year group and group, and shows the field errors of a 422 beside the fields', async () => {
    const fetchMock = routeFetch([
      ...base,
      noExports,
      {
        method: 'POST',
        path: '/api/v1/exports/qualifications',
        answer: json(
          {
            status: 422, title: 'Unprocessable Content', code: 'validation_failed', detail: 'Check the fields.',
            errors: [
              { field: 'year_group', code: 'unknown_code', message: 'Choose a year group from the list.' },
              { field: 'group_id', code: 'not_found', message: 'There is no such group among yours.' },
            ],
          },
          422,
        ),
      },
    ]);
    renderPage();
    await screen.findByRole('option', { name: 'Year 12' });
    await screen.findByRole('option', { name: 'Sixth form (Hill School)' });
    await userEvent.selectOptions(screen.getByLabelText(/Learner year group/), 'Year 12');
    await userEvent.selectOptions(screen.getByLabelText(/Learner group/), 'Sixth form (Hill School)');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));

    expect(await screen.findByText('Choose a year group from the list.')).toBeTruthy();
    expect(screen.getByText('There is no such group among yours.')).toBeTruthy();
    expect(screen.getByLabelText(/Learner year group/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/Learner group/).getAttribute('aria-invalid')).toBe('true');
    const [url, init] = postsTo(fetchMock)[0];
    expect(url).toBe('/api/v1/exports/qualifications');
    expect(JSON.parse(String(init!.body))).toEqual({ year_group: 'year_12', group_id: 4 });
    expect(screen.queryByRole('region', { name: 'Export outcome' })).toBeNull();
  });

  it('follows the queued export to its download link', async () => {
    let calls = 0;
    const fetchMock = routeFetch([
      ...base,
      noExports,
      { method: 'POST', path: '/api/v1/exports/qualifications', answer: json(job(), 202) },
      {
        path: '/api/v1/jobs/5',
        answer: () => {
          calls += 1;
          return json(
            calls === 1
              ? job({ status: 'running', progress: { done: 1, total: 2 }, version: 2 })
              : job({ status: 'succeeded', progress: { done: 2, total: 2 }, result: { learners: 2 }, result_url: '/api/v1/jobs/5/result', finished_at: '2026-11-22T09:01:00Z', version: 3 }),
          );
        },
      },
    ]);
    renderPage();
    await screen.findByRole('option', { name: 'Year 12' });
    await userEvent.selectOptions(screen.getByLabelText(/Learner year group/), 'year_12');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));

    const outcome = await screen.findByRole('region', { name: 'Export outcome' });
    const link = await within(outcome).findByRole('link', { name: 'Download the export (.xlsx)' }, { timeout: 4000 });
    expect(link.getAttribute('href')).toBe('/api/v1/jobs/5/result');
    expect(link.hasAttribute('download')).toBe(true);
    expect(outcome.textContent).toContain('2 learners');
    expect(JSON.parse(String(postsTo(fetchMock)[0][1]!.body))).toEqual({ year_group: 'year_12' });
  });

  it('shows a finished export kept in the address, and the previous exports with their downloads', async () => {
    const done = job({ status: 'succeeded', progress: { done: 25, total: 25 }, result: { learners: 25 }, result_url: '/api/v1/jobs/5/result', finished_at: '2026-11-22T09:01:00Z', version: 3 });
    routeFetch([
      ...base,
      { path: '/api/v1/jobs/5', answer: json(done) },
      {
        path: '/api/v1/exports',
        answer: json({ items: [done, job({ id: 4, status: 'failed', error: 'The database was unavailable.', created_at: '2026-11-21T10:00:00Z', finished_at: '2026-11-21T10:00:05Z' })], next_cursor: null, total: 2 }),
      },
    ]);
    renderPage('/learners/qualifications-transfer?export=5');
    const outcome = await screen.findByRole('region', { name: 'Export outcome' });
    expect((await within(outcome).findByRole('link', { name: 'Download the export (.xlsx)' })).getAttribute('href')).toBe('/api/v1/jobs/5/result');
    expect(within(outcome).getByText('The export is ready')).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Previous exports' });
    const download = await within(table).findByRole('link', { name: 'Download the export requested on 22 Nov 2026, 09:00 UTC' });
    expect(download.getAttribute('href')).toBe('/api/v1/jobs/5/result');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Ready')).toBeTruthy();
    expect(within(rows[0]).getByText('25')).toBeTruthy();
    expect(within(rows[1]).getByText('Failed')).toBeTruthy();
    expect(within(rows[1]).queryByRole('link')).toBeNull();
  });

  it('says why an export failed', async () => {
    routeFetch([...base, noExports, { path: '/api/v1/jobs/5', answer: json(job({ status: 'failed', error: 'The spreadsheet could not be written.', version: 3 })) }]);
    renderPage('/learners/qualifications-transfer?export=5');
    expect(await screen.findByText('The export failed')).toBeTruthy();
    expect(screen.getByText('The spreadsheet could not be written.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download the export (.xlsx)' })).toBeNull();
  });

  it('the Import tab: explains the file, lists only qualification imports and says when there are none', async () => {
    const fetchMock = routeFetch([...base, noExports, noImports]);
    renderPage();
    await userEvent.click(screen.getByRole('tab', { name: 'Import' }));
    expect(screen.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText(/Do not change the columns that identify the learner/)).toBeTruthy();
    expect(screen.getByText(/up to 18 qualifications/)).toBeTruthy();
    expect(screen.getByText(/at least a predicted or an actual grade/)).toBeTruthy();
    expect(await screen.findByText('No imports yet')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Previous imports' })).toBeTruthy();
    const list = fetchMock.mock.calls.find(([url]) => String(url).startsWith('/api/v1/imports?'));
    expect(String(list![0])).toMatch(/kind=qualification_import/);
  });

  it('the Import tab sends the file to /imports/qualifications and follows the import to its outcome', async () => {
    const fetchMock = routeFetch([
      ...base,
      noImports,
      { method: 'POST', path: '/api/v1/imports/qualifications', answer: json(imp(), 202) },
      {
        path: '/api/v1/jobs/7',
        answer: json(job({ id: 7, kind: 'qualification_import', status: 'succeeded', progress: { done: 2, total: 2 }, version: 3 })),
      },
      {
        path: '/api/v1/imports/7',
        answer: json(imp({ status: 'succeeded', created_count: 3, message: 'Qualifications of 2 learners imported.', progress: { done: 2, total: 2 }, version: 3 })),
      },
    ]);
    renderPage('/learners/qualifications-transfer?tab=import');
    const field = screen.getByLabelText('Spreadsheet to import') as HTMLInputElement;
    const file = new File(['Account ID,UPN\n12,\n'], 'year 12 quals.csv', { type: '' });
    await userEvent.upload(field, file);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    const outcome = await screen.findByRole('region', { name: 'Import outcome' });
    await waitFor(() => expect(outcome.textContent).toContain('3 qualifications imported'));
    expect(outcome.textContent).toContain('Qualifications of 2 learners imported.');
    expect(screen.queryByRole('link', { name: 'View learners who have not logged in' })).toBeNull();

    const [url, init] = postsTo(fetchMock)[0];
    expect(url).toBe('/api/v1/imports/qualifications');
    const headers = init!.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('text/csv');
    expect(headers['X-Filename']).toBe('year%2012%20quals.csv');
    expect(init!.body).toBe(file);
  });
});
