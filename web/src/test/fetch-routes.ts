// A stand-in for fetch in unit tests that answers by method and path: each route is a method, a
// path (exact, query string ignored) or pattern, and the answer. Unmatched requests get a 404
// problem, so a test sees at once what it did not expect. `calls` records every request.
import { vi } from 'vitest';

export type Answer = Response | ((url: string, init?: RequestInit) => Response | Promise<Response>);

export interface Route {
  method?: string;
  path: string | RegExp;
  answer: Answer;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

export function routeFetch(routes: Route[]) {
  const mock = vi.fn((input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.split('?')[0];
    const route = routes.find((r) => (r.method ?? 'GET').toUpperCase() === method && (typeof r.path === 'string' ? r.path === path : r.path.test(url)));
    if (!route) return Promise.resolve(json({ status: 404, code: 'not_found', title: `No test route for ${method} ${url}` }, 404));
    // a Response body can be read once: answers given as a Response are cloned for each call
    return Promise.resolve(typeof route.answer === 'function' ? route.answer(url, init) : route.answer.clone());
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}
