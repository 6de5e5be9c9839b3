import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiRequest, buildQuery, setAuthHandlers } from './api-client';

function respond(status: number, body: unknown, contentType = 'application/problem+json') {
  return vi.fn().mockResolvedValue(new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setAuthHandlers({});
});

describe('apiRequest', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetchMock = respond(200, { id: 1 }, 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    const out = await apiRequest<{ id: number }>('/providers', { method: 'POST', body: { name: 'A' } });
    expect(out).toEqual({ id: 1 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/providers');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"name":"A"}');
  });

  it('throws an ApiError carrying the problem body and its field errors', async () => {
    const problem = {
      type: 'about:blank', title: 'Unprocessable', status: 422, code: 'validation_failed', request_id: 'r1',
      errors: [
        { field: 'ukprn', code: 'invalid_ukprn', message: 'A UKPRN is 8 digits starting with 1.' },
        { field: 'ukprn', code: 'second', message: 'ignored' },
        { field: 'name', code: 'required', message: 'Enter a name.' },
      ],
    };
    vi.stubGlobal('fetch', respond(422, problem));
    const err = (await apiRequest('/providers', { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    expect(err.code).toBe('validation_failed');
    expect(err.problem.request_id).toBe('r1');
    expect(err.fieldErrors()).toEqual({ ukprn: 'A UKPRN is 8 digits starting with 1.', name: 'Enter a name.' });
  });

  it('routes 401 to the sign-in handler, unless asked not to', async () => {
    const onUnauthenticated = vi.fn();
    setAuthHandlers({ onUnauthenticated });
    vi.stubGlobal('fetch', respond(401, { status: 401, code: 'unauthenticated' }));
    await expect(apiRequest('/users')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    await expect(apiRequest('/session', { method: 'POST', body: {}, skipAuthHandlers: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('routes 403 password_change_required to the change-password handler only', async () => {
    const onPasswordChangeRequired = vi.fn();
    setAuthHandlers({ onPasswordChangeRequired });
    vi.stubGlobal('fetch', respond(403, { status: 403, code: 'password_change_required' }));
    await expect(apiRequest('/users')).rejects.toMatchObject({ code: 'password_change_required' });
    vi.stubGlobal('fetch', respond(403, { status: 403, code: 'forbidden' }));
    await expect(apiRequest('/users')).rejects.toMatchObject({ code: 'forbidden' });
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
  });

  it('copes with a non-JSON error body and with 204', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' })));
    const err = (await apiRequest('/me').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(502);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    await expect(apiRequest('/session', { method: 'DELETE' })).resolves.toBeUndefined();
  });
});

describe('api.upload', () => {
  it('sends the file itself as the body with its own type and extra headers', async () => {
    const fetchMock = respond(202, { id: 4 }, 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    const file = new Blob(['a,b\n'], { type: 'text/csv' });
    const out = await api.upload<{ id: number }>('/imports/learners', file, 'text/csv', { 'X-Filename': 'a%20b.csv' });
    expect(out).toEqual({ id: 4 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/imports/learners');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'text/csv', 'X-Filename': 'a%20b.csv' });
  });
});

describe('buildQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ q: 'a b', status: '', cursor: null, limit: 25, x: undefined })).toBe('?q=a+b&limit=25');
    expect(buildQuery({})).toBe('');
  });
});
