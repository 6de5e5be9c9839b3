// The import endpoints the web app uses. The template is a plain download: the browser fetches it
// with the session cookie, so a link is all it takes.
import { API_BASE } from '@/lib/api-client';

/** GET: the blank learner import workbook (.xlsx), for those who may create learners. */
export const LEARNER_TEMPLATE_URL = `${API_BASE}/imports/learners/template`;
export const LEARNER_TEMPLATE_FILENAME = 'learner-import-template.xlsx';
