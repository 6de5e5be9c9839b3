import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '@/test/fake-event-source';
import { isEventStreamOpen, subscribe } from './event-stream';

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the shared event stream', () => {
  it('opens one EventSource for every listener and closes it with the last', () => {
    const jobs = vi.fn();
    const counts = vi.fn();
    const stopJobs = subscribe('job', jobs);
    const stopCounts = subscribe('notification', counts);
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.latest()!;
    expect(source.url).toBe('/api/v1/events');
    source.open();
    expect(isEventStreamOpen()).toBe(true);

    source.emit('job', { id: 7, status: 'running' });
    source.emit('notification', { unread: 2 });
    expect(jobs).toHaveBeenCalledWith({ id: 7, status: 'running' });
    expect(counts).toHaveBeenCalledWith({ unread: 2 });
    expect(jobs).toHaveBeenCalledTimes(1);

    stopJobs();
    expect(source.readyState).not.toBe(FakeEventSource.CLOSED);
    stopCounts();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    expect(isEventStreamOpen()).toBe(false);
  });

  it('falls back when the server refuses the stream, and tries again a minute later', () => {
    vi.useFakeTimers();
    const stop = subscribe('job', () => {});
    const first = FakeEventSource.latest()!;
    first.open();
    first.fail();
    expect(isEventStreamOpen()).toBe(false);
    expect(FakeEventSource.live()).toHaveLength(0);
    vi.advanceTimersByTime(59_000);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(FakeEventSource.instances).toHaveLength(2);
    stop();
    expect(FakeEventSource.live()).toHaveLength(0);
  });

  it('ignores data that is not JSON', () => {
    const listener = vi.fn();
    const stop = subscribe('job', listener);
    const source = FakeEventSource.latest()!;
    const raw = new MessageEvent('job', { data: 'not json' });
    (source as unknown as { listeners: Map<string, ((e: MessageEvent) => void)[]> }).listeners.get('job')?.forEach((l) => l(raw));
    expect(listener).not.toHaveBeenCalled();
    stop();
  });
});
