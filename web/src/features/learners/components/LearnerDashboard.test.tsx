import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { dashboardKey } from '../api';
import { LearnerDashboard } from './LearnerDashboard';

function renderWith(counts: Record<string, number>, canCreate = true) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData(dashboardKey, { counts });
  return render(
    <MantineProvider>
      <QueryClientProvider client={qc}>
        <MemoryRouter>
          <LearnerDashboard canCreate={canCreate} />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('LearnerDashboard', () => {
  it('links each count to the list it counts', () => {
    renderWith({ learners: 8, never_logged_in: 3, locked_out: 1, incomplete_profile: 8, awaiting_approval: 0, awaiting_qualifications: 2, awaiting_reference: 5 });
    const never = screen.getByRole('link', { name: '3 Never logged in' });
    expect(never.getAttribute('href')).toBe('/learners?status=never_logged_in');
    expect(screen.getByRole('link', { name: '8 Learners' }).getAttribute('href')).toBe('/learners');
    expect(screen.getByRole('link', { name: '0 Awaiting profile approval' }).getAttribute('href')).toBe('/learners?status=awaiting_approval');
    expect(screen.getAllByRole('link')).toHaveLength(7);
    expect(screen.getByText('38% of all learners')).toBeTruthy();
  });

  it('says what to do when there are no learners', () => {
    renderWith({ learners: 0 });
    expect(screen.getByText('No learners yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create the first learner' }).getAttribute('href')).toBe('/learners/new');
  });

  it('offers no create link to someone who may only view', () => {
    renderWith({ learners: 0 }, false);
    expect(screen.queryByRole('link', { name: 'Create the first learner' })).toBeNull();
  });
});
