// The learner qualifications export as the API takes and returns it (manual 9.1). The export is a
// job (features/jobs/types.ts); the import is an import of kind "qualification_import"
// (features/imports/types.ts). No imports here, so the API contract check (lib/schema-fields.ts)
// can read these from the end-to-end tests too.

/** POST /exports/qualifications: one year group's learners, optionally only those in one group. */
export interface QualificationExportInput {
  /** a code of GET /reference/year-groups */
  year_group: string;
  /** a group of GET /groups */
  group_id?: number | null;
}

/** A finished export job's `result`. */
export interface QualificationExportResult {
  learners: number;
}
