import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { FakeEventSource } from '@/test/fake-event-source';
import { json, routeFetch, type Route } from '@/test/fetch-routes';
import type { DataImport } from '../api';
import { ImportLearnersPage } from './ImportLearnersPage';

function imp(overrides: Partial<DataImport> = {}): DataImport {
  return {
    id: 7, kind: 'learner_import', status: 'queued', filename: 'year 12.csv', progress: { done: 0, total: 0 }, created_count: 0, error_count: 0,
    errors: [], errors_truncated: false, rows_with_errors: 0, message: null, requested_by: { id: 3, name: 'Lena Manager' }, created_at: '2026-11-22T09:00:00Z',
    started_at: null, finished_at: null, version: 1, ...overrides,
  };
}

const emptyHistory: Route = { path: '/api/v1/imports', answer: json({ items: [], next_cursor: null }) };

function renderPage() {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/learners/import']}>
          <ImportLearnersPage />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const csv = () => new File(['UKPRN,First name\n10000001,Ada\n'], 'year 12 (autumn).csv', { type: '' });

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => vi.unstubAllGlobals());

describe('ImportLearnersPage', () => {
  it('offers the blank template as a download from the API', () => {
    routeFetch([emptyHistory]);
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Import learners' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Download the import template' });
    expect(link.getAttribute('href')).toBe('/api/v1/imports/learners/template');
    expect(link.getAttribute('download')).toBe('learner-import-template.xlsx');
    expect(screen.getByText(/Columns marked \* are mandatory/)).toBeTruthy();
  });

  it('says when there are no previous imports', async () => {
    const fetchMock = routeFetch([emptyHistory]);
    renderPage();
    expect(await screen.findByText('No imports yet')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Previous imports' })).toBeTruthy();
    expect(String(fetchMock.mock.calls[0][0])).toMatch(/^\/api\/v1\/imports\?.*kind=learner_import/);
  });

  it('lists previous imports, each linking to its page', async () => {
    routeFetch([
      {
        path: '/api/v1/imports',
        answer: json({
          items: [
            imp({ id: 9, status: 'failed', filename: 'bad.xlsx', error_count: 2, message: '2 rows have errors; nothing was imported.', finished_at: '2026-11-22T09:01:00Z' }),
            imp({ id: 8, status: 'succeeded', filename: 'good.csv', created_count: 120, message: '120 learners imported.', finished_at: '2026-11-21T10:00:00Z' }),
          ],
          next_cursor: null,
        }),
      },
    ]);
    renderPage();
    const link = await screen.findByRole('link', { name: 'bad.xlsx' });
    expect(link.getAttribute('href')).toBe('/imports/9');
    expect(screen.getByRole('link', { name: 'good.csv' }).getAttribute('href')).toBe('/imports/8');
    expect(screen.getByText('2 rows have errors; nothing was imported.')).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();
    expect(screen.getByText('Imported')).toBeTruthy();
    expect(screen.getByText('22 Nov 2026, 09:01 UTC')).toBeTruthy();
    expect(screen.getAllByText('Lena Manager')).toHaveLength(2);
    expect(screen.getByText('Showing 1–2')).toBeTruthy();
  });

  it('asks for a file before sending anything', async () => {
    const fetchMock = routeFetch([emptyHistory]);
    renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const field = screen.getByLabelText('Spreadsheet to import');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Choose the spreadsheet to import.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('sends the file as the body and shows a refused upload beside the file field', async () => {
    const fetchMock = routeFetch([
      emptyHistory,
      {
        method: 'POST',
        path: '/api/v1/imports/learners',
        answer: json(
          {
            status: 415, title: 'Unsupported Media Type', code: 'file_type_mismatch', detail: 'The file is not what its name says.',
            errors: [{ field: 'file', code: 'file_type_mismatch', message: 'This file is not a CSV file, whatever its name says. Save it from Excel as CSV UTF-8 and try again.' }],
          },
          415,
        ),
      },
    ]);
    renderPage();
    const field = screen.getByLabelText('Spreadsheet to import') as HTMLInputElement;
    expect(field.getAttribute('accept')).toBe('.xlsx,.xls,.csv');
    const file = csv();
    await userEvent.upload(field, file);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    const message = await screen.findByText(/This file is not a CSV file, whatever its name says/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    await waitFor(() => expect(document.activeElement).toBe(field));

    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(post[0]).toBe('/api/v1/imports/learners');
    const init = post[1]!;
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('text/csv');
    expect(headers['X-Filename']).toBe('year%2012%20(autumn).csv');
    expect(init.body).toBe(file);
  });

  it('shows a conflict without field errors beside the field too', async () => {
    routeFetch([
      emptyHistory,
      { method: 'POST', path: '/api/v1/imports/learners', answer: json({ status: 409, code: 'import_in_progress', title: 'Conflict', detail: 'This file is already being imported.' }, 409) },
    ]);
    renderPage();
    await userEvent.upload(screen.getByLabelText('Spreadsheet to import'), csv());
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const message = await screen.findByText('This file is already being imported.');
    expect(screen.getByLabelText('Spreadsheet to import').getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
  });

  it('follows the queued import to its outcome', async () => {
    let finished = false;
    const fetchMock = routeFetch([
      { path: '/api/v1/imports', answer: () => json({ items: finished ? [imp({ status: 'succeeded', created_count: 3 })] : [imp()], next_cursor: null }) },
      { method: 'POST', path: '/api/v1/imports/learners', answer: json(imp(), 202) },
      {
        path: '/api/v1/jobs/7',
        answer: () => {
          finished = true;
          return json({
            id: 7, kind: 'learner_import', status: 'succeeded', progress: { done: 3, total: 3 }, result: null, result_url: null, error: null,
            cancel_requested: false, attempts: 1, created_at: '2026-11-22T09:00:00Z', started_at: null, finished_at: null, requested_by: 3, version: 3,
          });
        },
      },
      { path: '/api/v1/imports/7', answer: () => json(imp({ status: 'succeeded', created_count: 3, message: '3 learners imported.', progress: { done: 3, total: 3 }, version: 3 })) },
    ]);
    renderPage();
    await userEvent.upload(screen.getByLabelText('Spreadsheet to import'), csv());
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    const outcome = await screen.findByRole('region', { name: 'Import outcome' });
    await waitFor(() => expect(outcome.textContent).toContain('3 learners imported'));
    const link = screen.getByRole('link', { name: 'View learners who have not logged in' });
    expect(link.getAttribute('href')).toBe('/learners/never-logged-in');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/v1/jobs/7')).toBe(true);
    // the file field is ready for the next file
    expect((screen.getByLabelText('Spreadsheet to import') as HTMLInputElement).value).toBe('');
  });

  it('reloads the history when an import changes status on the event stream', async () => {
    const fetchMock = routeFetch([emptyHistory]);
    renderPage();
    await screen.findByText('No imports yet');
    const listCalls = () => fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/v1/imports?')).length;
    const before = listCalls();
    const source = FakeEventSource.latest()!;
    source.open();
    source.emit('job', { id: 12, kind: 'learner_import', status: 'running', progress: { done: 1, total: 10 }, version: 2 });
    await waitFor(() => expect(listCalls()).toBe(before + 1));
    // progress alone does not reload it; another job kind does not either
    source.emit('job', { id: 12, kind: 'learner_import', status: 'running', progress: { done: 5, total: 10 }, version: 3 });
    source.emit('job', { id: 13, kind: 'learner_export', status: 'succeeded', progress: { done: 1, total: 1 }, version: 3 });
    source.emit('job', { id: 12, kind: 'learner_import', status: 'failed', progress: { done: 10, total: 10 }, version: 4 });
    await waitFor(() => expect(listCalls()).toBe(before + 2));
  });
});
