// The learner qualifications export (manual 9.1): ask for a year group's spreadsheet — a job whose
// file is at its result_url once it has finished — and the exports you have asked for. The import
// of the edited spreadsheet is an ordinary import of kind "qualification_import" (features/imports).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '@/lib/api-client';
import type { ListPage } from '@/lib/types';
import { jobKey, type Job } from '@/features/jobs/api';
import type { QualificationExportInput, QualificationExportResult } from './types';

export type { QualificationExportInput, QualificationExportResult } from './types';

export const TRANSFER_PATH = '/learners/qualifications-transfer';
export const EXPORT_JOB_KIND = 'qualification_export';

export const exportsKey = ['exports'] as const;
export const exportsListKey = [...exportsKey, 'list'] as const;

/** POST /exports/qualifications: 202 with the queued export job. */
export function startQualificationExport(body: QualificationExportInput) {
  return api.post<Job>('/exports/qualifications', body);
}

export function useStartQualificationExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: startQualificationExport,
    onSuccess: (job) => {
      qc.setQueryData(jobKey(job.id), job);
      return qc.invalidateQueries({ queryKey: exportsListKey });
    },
  });
}

/** GET /exports: your qualification exports, newest first. */
export function listExports(params: Query, signal?: AbortSignal) {
  return api.get<ListPage<Job>>('/exports', params, signal);
}

/** How many learners a finished export holds, when the job says. */
export function exportedLearners(job: Pick<Job, 'result'>): number | null {
  const result = job.result as Partial<QualificationExportResult> | null | undefined;
  return result && typeof result.learners === 'number' ? result.learners : null;
}

/** "25 learners", "1 learner". */
export function learnersText(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'learner' : 'learners'}`;
}
