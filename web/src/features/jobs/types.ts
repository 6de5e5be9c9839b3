// The shapes of jobs as the API returns them (docs/api.md, "Jobs and live updates"). No imports,
// so the API contract check (lib/schema-fields.ts) can read them from the end-to-end tests too.
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  id: number;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number };
  result: unknown;
  result_url: string | null;
  error: string | null;
  cancel_requested: boolean;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  requested_by: number | null;
  version: number;
}

/** What the event stream says of a job. */
export interface JobEvent {
  id: number;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number };
  version: number;
}
