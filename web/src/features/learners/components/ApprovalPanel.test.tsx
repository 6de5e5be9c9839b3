import { describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Learner } from '@/lib/types';
import { ApprovalPanel } from './ApprovalPanel';

function renderPanel(approval: string, canEdit = true) {
  const learner = { id: 7, first_name: 'Lee', last_name: 'Smith', approval } as Learner;
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <ApprovalPanel learner={learner} canEdit={canEdit} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('ApprovalPanel', () => {
  it('offers approval only once every section is complete', () => {
    renderPanel('incomplete');
    expect(screen.getByRole('button', { name: 'Approve profile' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/Every section must be complete/)).toBeTruthy();
  });

  it('approves an awaiting profile and un-approves an approved one', () => {
    renderPanel('awaiting');
    expect(screen.getByRole('button', { name: 'Approve profile' }).hasAttribute('disabled')).toBe(false);
    cleanupAndRender('approved');
    expect(screen.getByRole('button', { name: 'Un-approve profile' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve profile' })).toBeNull();
  });

  it('offers nothing where sign-off does not apply, or to a reader', () => {
    renderPanel('not_required');
    expect(screen.queryByRole('button')).toBeNull();
    cleanupAndRender('awaiting', false);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

function cleanupAndRender(approval: string, canEdit = true) {
  cleanup();
  renderPanel(approval, canEdit);
}
