// The one way the UI talks to the server: JSON over fetch with the session cookie. Failures become
// an ApiError carrying the RFC 9457 problem body; 401 and "password change required" are routed to
// the handlers the app installs (sign-in page, forced password change).

export const API_BASE = '/api/v1';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  request_id?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `Request failed (${problem.status})`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** Field errors keyed by field name (first message per field wins). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (e.field && !(e.field in out)) out[e.field] = e.message || e.code;
    }
    return out;
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Do not route 401/403 to the global handlers (sign-in itself, the "who am I" probe). */
  skipAuthHandlers?: boolean;
  /** A file sent as the raw request body with its own Content-Type (instead of a JSON `body`). */
  file?: { body: Blob; contentType: string };
  /** More request headers (e.g. X-Filename with an upload). */
  headers?: Record<string, string>;
}

export interface AuthHandlers {
  onUnauthenticated?: () => void;
  onPasswordChangeRequired?: () => void;
}

let handlers: AuthHandlers = {};

export function setAuthHandlers(h: AuthHandlers): void {
  handlers = h;
}

async function readProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      const body = JSON.parse(text) as Partial<Problem>;
      if (body && typeof body === 'object') return { ...body, status: body.status ?? res.status };
    } catch {
      /* not JSON: fall through */
    }
  }
  return { status: res.status, title: res.statusText || 'Request failed', detail: text || undefined };
}

export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, skipAuthHandlers, file } = opts;
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (file) headers['Content-Type'] = file.contentType;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${buildQuery(query)}`, {
      method,
      headers,
      body: file ? file.body : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    const err = new ApiError(problem);
    if (!skipAuthHandlers) {
      if (res.status === 401) handlers.onUnauthenticated?.();
      else if (res.status === 403 && problem.code === 'password_change_required') handlers.onPasswordChangeRequired?.();
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  /** POST a file as the raw body (docs/api.md, "Files"); the browser adds Origin, as for any mutation. */
  upload: <T>(path: string, file: Blob, contentType: string, headers?: Record<string, string>) =>
    apiRequest<T>(path, { method: 'POST', file: { body: file, contentType }, headers }),
};

/** A sentence for the user about any error (problem detail, or a generic fallback). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'version_conflict') return 'Someone else changed this record while you were editing it. Reload to see their changes, then try again.';
    if (e.status === 403 && e.code !== 'password_change_required') return e.problem.detail || 'You do not have permission to do that.';
    if (e.status >= 500) return `Something went wrong on the server.${e.problem.request_id ? ` Reference: ${e.problem.request_id}.` : ''}`;
    return e.message;
  }
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
