// Shapes of the reference endpoints (docs/api.md "References"): the content both a draft and a
// completed version hold, the draft as the manager's page reads it, and one completed version.
// relative, not '@/': the e2e contract check (tsconfig.node) reads this file through lib/schema-fields.ts
import type { Referee } from '../../lib/types';

export type RatingCode = 'excellent' | 'good' | 'average' | 'below_average' | 'poor' | '';

export interface ReferenceContent {
  /** false: the provider's default referee gives the reference */
  different_referee: boolean;
  referee: Referee;
  attendance: number | null;
  ratings: Record<string, string>;
  further_details: string;
  additional_support: boolean | null;
  display_to_learner: boolean | null;
}

export interface Reference extends ReferenceContent {
  learner_id: number;
  state: 'incomplete' | 'complete';
  default_referee: Referee;
  current_version: number | null;
  updated_at: string | null;
  /** of the draft; 0 before the first save */
  version: number;
}

export interface ReferenceVersion extends ReferenceContent {
  number: number;
  completed_by: number | null;
  completed_by_name: string;
  completed_at: string;
}

export type ReferenceBody = ReferenceContent & { version: number };
