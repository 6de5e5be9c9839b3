import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { json, routeFetch } from '@/test/fetch-routes';
import type { DataImport, ImportRowError } from '../api';
import { ImportOutcome } from './ImportOutcome';

function failed(errors: ImportRowError[], overrides: Partial<DataImport> = {}): DataImport {
  return {
    id: 21, kind: 'learner_import', status: 'failed', filename: 'learners.xlsx', progress: { done: 4, total: 4 }, created_count: 0,
    error_count: errors.length, errors, errors_truncated: false, rows_with_errors: errors.length, message: `${errors.length} rows have errors; nothing was imported.`,
    requested_by: { id: 3, name: 'Lena Manager' }, created_at: '2026-11-22T09:00:00Z', started_at: '2026-11-22T09:00:01Z',
    finished_at: '2026-11-22T09:00:02Z', version: 3, ...overrides,
  };
}

function renderOutcome() {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <ImportOutcome importId={21} />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('ImportOutcome', () => {
  it('shows why a failed import failed, its errors by row and column, and the errors workbook', async () => {
    routeFetch([
      {
        path: '/api/v1/imports/21',
        answer: json(
          failed([
            { row: 3, column: 'Postcode', value: 'NOT A CODE', message: 'Enter a real UK postcode, like GL50 3SH.' },
            { row: 3, column: 'Date of birth', value: '2008-02-31', message: 'Enter a real date as YYYY-MM-DD.' },
            { row: 5, column: 'UKPRN', value: '', message: 'Enter the UKPRN.' },
          ]),
        ),
      },
    ]);
    renderOutcome();
    expect(await screen.findByText('The import failed')).toBeTruthy();
    expect(screen.getByText('3 rows have errors; nothing was imported.')).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Errors in the file' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Row', 'Column', 'Value', 'Message']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', 'Postcode', 'NOT A CODE', 'Enter a real UK postcode, like GL50 3SH.'],
      ['3', 'Date of birth', '2008-02-31', 'Enter a real date as YYYY-MM-DD.'],
      ['5', 'UKPRN', '(empty)', 'Enter the UKPRN.'],
    ]);
    const download = screen.getByRole('link', { name: 'Download the errors (.xlsx)' });
    expect(download.getAttribute('href')).toBe('/api/v1/imports/21/errors.xlsx');
    expect(download.hasAttribute('download')).toBe(true);
    expect(screen.queryByRole('link', { name: 'View learners who have not logged in' })).toBeNull();
  });

  it('pages a long list of errors and says when only the first ones were kept', async () => {
    const errors = Array.from({ length: 30 }, (_, i) => ({ row: i + 2, column: 'Postcode', value: `X${i}`, message: 'Enter a real UK postcode.' }));
    routeFetch([{ path: '/api/v1/imports/21', answer: json(failed(errors, { error_count: 1200, errors_truncated: true })) }]);
    renderOutcome();
    const table = await screen.findByRole('table', { name: 'Errors in the file' });
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(screen.getByText(/The first 30 of 1,200 errors are listed here/)).toBeTruthy();
    expect(screen.getByText('Errors 1–25 of 30')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next errors' }));
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(within(table).getByText('X29')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next errors' }).hasAttribute('disabled')).toBe(true);
  });

  it('says how many learners a successful import created and links to their passwords', async () => {
    routeFetch([{ path: '/api/v1/imports/21', answer: json(failed([], { status: 'succeeded', created_count: 1, message: '1 learner imported.' })) }]);
    renderOutcome();
    expect(await screen.findByText('1 learner imported')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'View learners who have not logged in' }).getAttribute('href')).toBe('/learners/never-logged-in');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the progress bar while the import runs', async () => {
    routeFetch([
      { path: '/api/v1/imports/21', answer: json(failed([], { status: 'running', message: null, progress: { done: 2, total: 4 } })) },
      {
        path: '/api/v1/jobs/21',
        answer: json({
          id: 21, kind: 'learner_import', status: 'running', progress: { done: 2, total: 4 }, result: null, result_url: null, error: null,
          cancel_requested: false, attempts: 1, created_at: '2026-11-22T09:00:00Z', started_at: null, finished_at: null, requested_by: 3, version: 2,
        }),
      },
    ]);
    renderOutcome();
    const bar = await screen.findByRole('progressbar', { name: 'Importing learners' });
    expect(bar.getAttribute('aria-valuetext')).toBe('2 of 4');
  });
});
