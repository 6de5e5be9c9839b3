// The learner's own reference view: the completed reference with its rating labels, and the empty
// state the server's 404 (none completed, or not displayed) leads to.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { CRITERIA } from '../form';
import { LearnerReferenceView } from './LearnerReferenceView';

const scale = [
  { code: 'excellent', label: 'Excellent' },
  { code: 'good', label: 'Good' },
  { code: 'poor', label: 'Poor' },
];

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
}

function renderWith(reference: { status: number; body: unknown }) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => (String(url).includes('/reference/reference-ratings') ? answer(200, scale) : answer(reference.status, reference.body))),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={qc}>
        <LearnerReferenceView />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('LearnerReferenceView', () => {
  it('shows the displayed reference with the scale’s labels', async () => {
    renderWith({
      status: 200,
      body: {
        number: 2,
        completed_by: 4,
        completed_by_name: 'Jane Smith',
        completed_at: '2026-11-22T09:00:00.000Z',
        different_referee: false,
        referee: { name: 'Miss Jane Smith', position: 'Pastoral manager', telephone: '', email: '' },
        attendance: 88,
        ratings: { ...Object.fromEntries(CRITERIA.map((c) => [c.code, 'good'])), punctuality: 'poor' },
        further_details: 'Late after a long illness.',
        additional_support: true,
        display_to_learner: true,
      },
    });
    expect(await screen.findByText(/Version 2, completed/)).toBeTruthy();
    expect(screen.getByText('Miss Jane Smith, Pastoral manager')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Punctuality' }).nextElementSibling?.textContent).toBe('Poor');
    expect(screen.getByText('88%')).toBeTruthy();
    expect(screen.getByText('Late after a long illness.')).toBeTruthy();
  });

  it('says the reference is not available when the server has none to show', async () => {
    renderWith({ status: 404, body: { status: 404, code: 'not_found', title: 'Not found', detail: 'The reference was not found.' } });
    expect(await screen.findByText('Your reference is not available to view')).toBeTruthy();
  });
});
