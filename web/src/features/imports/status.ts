// Imports' statuses and outcomes in words.
import type { DataImport, ImportKind, ImportStatus } from './types';

const STATUS_LABELS: Record<ImportStatus, string> = {
  queued: 'Waiting to start',
  running: 'In progress',
  succeeded: 'Imported',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function importStatusLabel(status: ImportStatus): string {
  return STATUS_LABELS[status] ?? status;
}

export function isImportFinished(status: ImportStatus | undefined): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

const NOUNS: Record<ImportKind, [string, string]> = {
  learner_import: ['learner', 'learners'],
  qualification_import: ['qualification', 'qualifications'],
};

/** "3 learners imported", "1 learner imported". */
export function importedText(imp: Pick<DataImport, 'kind' | 'created_count'>): string {
  const [one, many] = NOUNS[imp.kind] ?? ['record', 'records'];
  return `${imp.created_count.toLocaleString('en-GB')} ${imp.created_count === 1 ? one : many} imported`;
}

/** The progress bar's name while the import runs. */
export function progressLabel(kind: ImportKind): string {
  return kind === 'qualification_import' ? 'Importing qualifications' : 'Importing learners';
}

/** "3 errors", "1 error". */
export function errorCountText(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'error' : 'errors'}`;
}
