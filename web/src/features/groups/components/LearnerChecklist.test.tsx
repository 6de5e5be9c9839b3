// The group page's checklist against a stubbed API: the year-group filter reaches the request,
// "select all on this page" ticks the page, the button counts, and the action gets the ticked ids.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { Learner } from '@/lib/types';
import { LearnerChecklist } from './LearnerChecklist';

const learner = (id: number, first: string, year_group = 'year_10') => ({ id, username: `${first.toLowerCase()}.l`, first_name: first, last_name: 'Learner', year_group }) as Learner;
const YEAR_GROUPS = [
  { code: 'year_10', label: 'Year 10' },
  { code: 'year_11', label: 'Year 11' },
];

function stubApi(rows: Learner[]) {
  const calls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      calls.push(url);
      const body = url.pathname.endsWith('/reference/year-groups') ? YEAR_GROUPS : { items: rows, next_cursor: null, total: rows.length };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

function renderChecklist(onAction: (ids: number[]) => Promise<unknown>, canAct = true) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={qc}>
        <MemoryRouter>
          <LearnerChecklist
            label="Learners at UCAS"
            noun="learners"
            scope={{ provider_id: 3 }}
            verb="Associate"
            done={(n) => `${n} added`}
            onAction={onAction}
            canAct={canAct}
            memberIds={new Set([2])}
            empty="Nobody here"
          />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

// Generous timeouts: Mantine renders slowly in jsdom on a loaded machine.
describe('LearnerChecklist', { timeout: 30_000 }, () => {
  it('ticks the whole page and hands the ticked ids to the action', async () => {
    stubApi([learner(1, 'Ann'), learner(2, 'Ben')]);
    const onAction = vi.fn().mockResolvedValue(undefined);
    renderChecklist(onAction);
    await screen.findByRole('link', { name: 'Ann Learner' });
    expect(screen.getByRole('button', { name: 'Associate' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getAllByText('In group')).toHaveLength(1);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all learners on this page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Associate 2 learners' }));
    await waitFor(() => expect(onAction).toHaveBeenCalledWith([1, 2]));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Associate' })).toBeTruthy());
  });

  it('ticks one learner at a time', async () => {
    stubApi([learner(1, 'Ann'), learner(2, 'Ben')]);
    renderChecklist(vi.fn());
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Tick Ben Learner (ben.l)' }));
    expect(screen.getByRole('button', { name: 'Associate 1 learner' })).toBeTruthy();
    const all = screen.getByRole('checkbox', { name: 'Select all learners on this page' }) as HTMLInputElement;
    expect(all.checked).toBe(false);
    expect(all.getAttribute('data-indeterminate')).toBe('true');
  });

  it('sends the year group and the scope to the learner list', async () => {
    const calls = stubApi([learner(1, 'Ann')]);
    renderChecklist(vi.fn());
    const select = await screen.findByRole('combobox', { name: /Year group of learners/ });
    await screen.findByRole('option', { name: 'Year 11' });
    fireEvent.change(select, { target: { value: 'year_11' } });
    await waitFor(() => expect(calls.some((u) => u.pathname === '/api/v1/learners' && u.searchParams.get('year_group') === 'year_11')).toBe(true));
    const listed = calls.filter((u) => u.pathname === '/api/v1/learners');
    expect(listed.every((u) => u.searchParams.get('provider_id') === '3')).toBe(true);
  });

  it('offers no ticks to someone who may not change membership', async () => {
    stubApi([learner(1, 'Ann')]);
    renderChecklist(vi.fn(), false);
    await screen.findByRole('link', { name: 'Ann Learner' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Associate/ })).toBeNull();
  });
});
