// The signed-in user's live updates: one EventSource on /api/v1/events shared by every part of the
// app that listens (the notifications bell, job progress). It opens with the first listener and
// closes with the last. While it is open, listeners hear `job` and `notification` events; when
// the server refuses it (signed out, too many tabs) or the browser has no EventSource, callers
// fall back to polling — `useEventStreamOpen` tells them which.
import { useSyncExternalStore } from 'react';
import { API_BASE } from './api-client';

export type EventListener = (data: unknown) => void;

/** After the server refused the stream, try again this much later. */
const REOPEN_MS = 60_000;

const listeners = new Map<string, Set<EventListener>>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
const registered = new Set<string>();
let open = false;
let reopenTimer: ReturnType<typeof setTimeout> | null = null;

function setOpen(value: boolean) {
  if (open === value) return;
  open = value;
  statusListeners.forEach((l) => l());
}

function listenerCount(): number {
  let n = 0;
  listeners.forEach((set) => (n += set.size));
  return n;
}

function dispatch(type: string, raw: string) {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return;
  }
  listeners.get(type)?.forEach((l) => l(data));
}

function register(type: string) {
  if (!source || registered.has(type)) return;
  registered.add(type);
  source.addEventListener(type, (e) => dispatch(type, (e as MessageEvent<string>).data));
}

function connect() {
  if (source || typeof EventSource === 'undefined' || listenerCount() === 0) return;
  const es = new EventSource(`${API_BASE}/events`, { withCredentials: true });
  source = es;
  registered.clear();
  es.onopen = () => setOpen(true);
  es.onerror = () => {
    // CONNECTING: the browser reconnects by itself (after the server's retry: hint). CLOSED: the
    // server answered with an error; poll for now and try again later.
    if (es.readyState === EventSource.CLOSED) {
      disconnect();
      reopenTimer = setTimeout(() => {
        reopenTimer = null;
        connect();
      }, REOPEN_MS);
    } else {
      setOpen(false);
    }
  };
  listeners.forEach((_, type) => register(type));
}

function disconnect() {
  source?.close();
  source = null;
  registered.clear();
  setOpen(false);
}

/** Listens to one event type; returns the function that stops listening. */
export function subscribe(type: string, listener: EventListener): () => void {
  let set = listeners.get(type);
  if (!set) listeners.set(type, (set = new Set()));
  set.add(listener);
  if (source) register(type);
  else if (!reopenTimer) connect();
  return () => {
    set.delete(listener);
    if (listenerCount() === 0) {
      if (reopenTimer) clearTimeout(reopenTimer);
      reopenTimer = null;
      disconnect();
    }
  };
}

export function isEventStreamOpen(): boolean {
  return open;
}

/** Whether live updates are arriving now (so polling can slow down). */
export function useEventStreamOpen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      statusListeners.add(onChange);
      return () => statusListeners.delete(onChange);
    },
    () => open,
    () => false,
  );
}
