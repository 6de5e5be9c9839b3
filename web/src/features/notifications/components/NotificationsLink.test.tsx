import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { FakeEventSource } from '@/test/fake-event-source';
import { NotificationsLink, unreadLabel } from './NotificationsLink';

function page(unread: number) {
  return new Response(JSON.stringify({ items: [], next_cursor: null, total: unread, unread }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => vi.unstubAllGlobals());

describe('NotificationsLink', () => {
  it('updates the unread count as soon as the event stream says it changed', async () => {
    let unread = 0;
    const fetchMock = vi.fn().mockImplementation(() => Promise.resolve(page(unread)));
    vi.stubGlobal('fetch', fetchMock);
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter>
            <NotificationsLink />
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>,
    );
    await screen.findByRole('link', { name: 'Notifications, none unread' });
    const source = FakeEventSource.latest()!;
    act(() => source.open());
    const calls = fetchMock.mock.calls.length;
    act(() => source.emit('notification', { unread: 0 }));
    expect(fetchMock.mock.calls.length).toBe(calls); // the count shown is already right

    unread = 2;
    act(() => source.emit('notification', { unread: 2 }));
    await screen.findByRole('link', { name: 'Notifications, 2 unread' });
  });

  it('says the count in words', () => {
    expect(unreadLabel(0)).toBe('Notifications, none unread');
    expect(unreadLabel(3)).toBe('Notifications, 3 unread');
  });
});
