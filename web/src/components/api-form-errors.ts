// Maps a problem body onto form fields: 422 `errors[{field, code, message}]` go beside the fields
// the form has; everything else becomes one message for the top of the form.
import { ApiError, errorMessage } from '@/lib/api-client';

export interface MappedErrors {
  fieldErrors: Record<string, string>;
  formError: string | null;
}

/**
 * @param knownFields the form's field names
 * @param fieldMap server field name → form field name, where they differ
 */
export function mapProblemToFields(
  error: unknown,
  knownFields: readonly string[],
  fieldMap: Record<string, string> = {},
): MappedErrors {
  const fieldErrors: Record<string, string> = {};
  const leftovers: string[] = [];
  if (error instanceof ApiError && error.problem.errors?.length) {
    for (const e of error.problem.errors) {
      const name = fieldMap[e.field] ?? e.field;
      const message = e.message || e.code;
      if (knownFields.includes(name)) {
        if (!(name in fieldErrors)) fieldErrors[name] = message;
      } else {
        leftovers.push(e.field ? `${e.field}: ${message}` : message);
      }
    }
    const formError = leftovers.length ? leftovers.join(' ') : Object.keys(fieldErrors).length ? null : errorMessage(error);
    return { fieldErrors, formError };
  }
  return { fieldErrors, formError: errorMessage(error) };
}
