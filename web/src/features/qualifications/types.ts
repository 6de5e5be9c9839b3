// The shapes of the qualification endpoints (docs/api.md "Qualifications"), held against the
// OpenAPI document through lib/schema-fields.ts.
import type { ReferenceItem } from '../../lib/types';

export interface Qualification {
  id: number;
  learner_id: number;
  type: ReferenceItem;
  subject: ReferenceItem;
  /** YYYY-MM */
  completed_on: string;
  predicted_grade: ReferenceItem | null;
  actual_grade: ReferenceItem | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface QualificationList {
  items: Qualification[];
  next_cursor: null;
  total: number;
  section: 'incomplete' | 'complete';
  learner_may_add: boolean;
}

/** What POST and PATCH take: catalogue codes; null clears a grade. */
export interface QualificationBody {
  type?: string;
  subject?: string;
  completed_on?: string;
  predicted_grade?: string | null;
  actual_grade?: string | null;
  version?: number;
}

export interface CatalogueItem {
  id: number;
  code: string;
  label: string;
  retired: boolean;
  version: number;
}

export interface CatalogueType extends CatalogueItem {
  subjects: CatalogueItem[];
  grades: CatalogueItem[];
}

export type CatalogueKind = 'types' | 'subjects' | 'grades';
