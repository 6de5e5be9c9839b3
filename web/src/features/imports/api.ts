// The import endpoints the web app uses (manual 7.2–7.4, 9.3). The template and the error list are plain
// downloads: the browser fetches them with the session cookie, so a link is all it takes. An
// upload is the file itself as the request body; the answer is the import, which is a job.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, type Query } from '@/lib/api-client';
import { isImportFinished } from './status';
import type { DataImport, ImportKind, ImportPage } from './types';

export type { DataImport, ImportKind, ImportPage, ImportRowError, ImportStatus } from './types';

/** GET: the blank learner import workbook (.xlsx), for those who may create learners. */
export const LEARNER_TEMPLATE_URL = `${API_BASE}/imports/learners/template`;
export const LEARNER_TEMPLATE_FILENAME = 'learner-import-template.xlsx';

/** What the file picker offers. */
export const SPREADSHEET_ACCEPT = '.xlsx,.xls,.csv';

const TYPES_BY_EXTENSION: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
};

/**
 * The Content-Type to send a spreadsheet with. The file name's extension decides for the three
 * formats we read — browsers on Windows call a .csv file "application/vnd.ms-excel" when Excel is
 * installed — and the browser's own guess is used for anything else (the server then says why it
 * cannot read it).
 */
export function spreadsheetContentType(file: { name: string; type: string }): string {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[ext] ?? (file.type || 'application/octet-stream');
}

export const importsKey = ['imports'] as const;
export const importKey = (id: number) => [...importsKey, 'one', id] as const;

/** Where each kind of import is uploaded: learners (manual 7.4), learner qualifications (manual 9.3). */
export const IMPORT_ENDPOINTS: Record<ImportKind, string> = {
  learner_import: '/imports/learners',
  qualification_import: '/imports/qualifications',
};

/** POST the spreadsheet as the body: 202 with the queued import. */
export function uploadImport(kind: ImportKind, file: File) {
  return api.upload<DataImport>(IMPORT_ENDPOINTS[kind], file, spreadsheetContentType(file), { 'X-Filename': encodeURIComponent(file.name) });
}

export function useUploadImport(kind: ImportKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadImport(kind, file),
    onSuccess: (imp) => {
      qc.setQueryData(importKey(imp.id), imp);
      return qc.invalidateQueries({ queryKey: [...importsKey, 'list'] });
    },
  });
}

/** GET /imports?kind=: your imports of that kind (everyone's, for administrators), newest first. */
export function listImports(params: Query, signal?: AbortSignal) {
  return api.get<ImportPage>('/imports', params, signal);
}

export function getImport(id: number, signal?: AbortSignal) {
  return api.get<DataImport>(`/imports/${id}`, undefined, signal);
}

/** One import. While it runs, the job's events bring its progress (JobProgress); this query is
 * reloaded when the job ends and, as a fallback, every few seconds until then. */
export function useImport(id: number) {
  return useQuery({
    queryKey: importKey(id),
    queryFn: ({ signal }) => getImport(id, signal),
    enabled: id > 0,
    refetchInterval: (query) => (!query.state.data || isImportFinished(query.state.data.status) ? false : IMPORT_POLL_MS),
  });
}

export const IMPORT_POLL_MS = 5_000;

/** GET: the rows in error as a workbook (Row, Column, Value, Message). */
export function importErrorsUrl(id: number): string {
  return `${API_BASE}/imports/${id}/errors.xlsx`;
}
