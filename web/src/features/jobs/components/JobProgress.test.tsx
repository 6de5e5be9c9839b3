import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FakeEventSource } from '@/test/fake-event-source';
import type { Job } from '../api';
import { JobProgress, countText, statusText } from './JobProgress';

function job(overrides: Partial<Job> = {}): Job {
  return {
    id: 7, kind: 'learner_import', status: 'running', progress: { done: 3, total: 10 }, result: null,
    result_url: null, error: null, cancel_requested: false, attempts: 1, created_at: '2026-11-22T09:00:00.000Z',
    started_at: '2026-11-22T09:00:01.000Z', finished_at: null, requested_by: 1, version: 4, ...overrides,
  };
}

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function renderProgress(onFinished?: (j: Job) => void) {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <JobProgress jobId={7} label="Importing learners" onFinished={onFinished} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('JobProgress', () => {
  it('shows "n of m" on an accessible progress bar with the status in words', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(job())));
    renderProgress();
    const bar = await screen.findByRole('progressbar', { name: 'Importing learners' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(bar.getAttribute('aria-valuemax')).toBe('10');
    expect(bar.getAttribute('aria-valuetext')).toBe('3 of 10');
    expect(screen.getByText('3 of 10')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('In progress');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('moves with the event stream without asking the server, and reloads when the job ends', async () => {
    const fetchMock = vi.fn().mockResolvedValue(json(job()));
    vi.stubGlobal('fetch', fetchMock);
    const onFinished = vi.fn();
    renderProgress(onFinished);
    await screen.findByText('3 of 10');
    const source = FakeEventSource.latest()!;
    act(() => source.open());
    const calls = fetchMock.mock.calls.length;

    act(() => source.emit('job', { id: 7, kind: 'learner_import', status: 'running', progress: { done: 6, total: 10 }, version: 5 }));
    await screen.findByText('6 of 10');
    act(() => source.emit('job', { id: 7, kind: 'learner_import', status: 'running', progress: { done: 4, total: 10 }, version: 5 }));
    act(() => source.emit('job', { id: 8, kind: 'other', status: 'running', progress: { done: 9, total: 10 }, version: 9 }));
    expect(screen.getByText('6 of 10')).toBeTruthy();
    expect(fetchMock.mock.calls.length).toBe(calls);

    fetchMock.mockResolvedValue(json(job({ status: 'succeeded', progress: { done: 10, total: 10 }, version: 6 })));
    act(() => source.emit('job', { id: 7, kind: 'learner_import', status: 'succeeded', progress: { done: 10, total: 10 }, version: 6 }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'));
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect(onFinished.mock.calls[0][0].status).toBe('succeeded');
  });

  it('cancels the job and says it is stopping', async () => {
    let asked = false;
    const fetchMock = vi.fn().mockImplementation((_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') asked = true;
      return Promise.resolve(json(asked ? job({ cancel_requested: true, version: 5 }) : job()));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderProgress();
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Cancelling…'));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('/api/v1/jobs/7/cancel');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('says why a job failed', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(job({ status: 'failed', error: 'The file has no rows.' }))));
    renderProgress();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Failed: The file has no rows.'));
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});

describe('job texts', () => {
  it('counts in UK style and names every status', () => {
    expect(countText(1250, 10000)).toBe('1,250 of 10,000');
    expect(countText(0, 0)).toBe('');
    expect(statusText(job({ status: 'queued' }))).toBe('Waiting to start');
    expect(statusText(job({ status: 'cancelled' }))).toBe('Cancelled');
    expect(statusText(job({ status: 'queued', cancel_requested: true }))).toBe('Cancelling…');
  });
});
