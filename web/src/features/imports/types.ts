// The shapes of imports as the API returns them (GET /imports, /imports/{id}). No imports, so the
// API contract check (lib/schema-fields.ts) can read them from the end-to-end tests too.
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type ImportKind = 'learner_import' | 'qualification_import';

/** One problem in the file: the spreadsheet row (the heading row is row 1) and the column's heading. */
export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** An import is a job: its id is the job's id, so its progress comes on the event stream too. */
export interface DataImport {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  filename: string;
  progress: { done: number; total: number };
  created_count: number;
  error_count: number;
  /** the rows in error, first ones only when `errors_truncated`; always [] in the list */
  errors: ImportRowError[];
  errors_truncated: boolean;
  /** how many rows had at least one error */
  rows_with_errors: number;
  /** a one-line outcome, e.g. "120 learners imported." */
  message: string | null;
  requested_by: { id: number; name: string };
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  version: number;
}

export interface ImportPage {
  items: DataImport[];
  next_cursor: string | null;
}
