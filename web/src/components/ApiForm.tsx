// One form pattern for every screen: Mantine form state, client checks, then the request; a 422
// answer's field errors appear beside the fields and focus moves to the first field in error.
import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { mapProblemToFields } from './api-form-errors';

type Values = Record<string, any>;

export interface UseApiFormOptions<V extends Values> {
  initialValues: V;
  validate?: Partial<Record<keyof V, (value: unknown, values: V) => string | null>>;
  /** server field name → form field name */
  fieldMap?: Record<string, string>;
  onSubmit: (values: V) => Promise<unknown>;
}

export interface ApiFormState<V extends Values> {
  form: UseFormReturnType<V>;
  formError: string | null;
  setFormError: (m: string | null) => void;
  submitting: boolean;
  handleSubmit: (e?: React.FormEvent<HTMLFormElement>) => void;
  formRef: React.RefObject<HTMLFormElement | null>;
}

function focusFirstInvalid(formEl: HTMLFormElement | null) {
  window.setTimeout(() => {
    const el = formEl?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (el) el.focus();
    else formEl?.querySelector<HTMLElement>('[data-form-error]')?.focus();
  }, 0);
}

export function useApiForm<V extends Values>(opts: UseApiFormOptions<V>): ApiFormState<V> {
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: opts.initialValues,
    validate: opts.validate as any,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement | null>(null);

  const handleSubmit = form.onSubmit(
    async (values) => {
      setFormError(null);
      setSubmitting(true);
      try {
        await opts.onSubmit(values as V);
      } catch (e) {
        const { fieldErrors, formError: message } = mapProblemToFields(e, Object.keys(opts.initialValues), opts.fieldMap);
        form.setErrors(fieldErrors);
        setFormError(message);
        focusFirstInvalid(formRef.current);
      } finally {
        setSubmitting(false);
      }
    },
    () => focusFirstInvalid(formRef.current),
  );

  return { form, formError, setFormError, submitting, handleSubmit, formRef };
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" tabIndex={-1} data-form-error title="There is a problem">
      {message}
    </Alert>
  );
}

export interface ApiFormProps<V extends Values> {
  state: ApiFormState<V>;
  submitLabel: string;
  children: ReactNode;
  extraActions?: ReactNode;
  'aria-label'?: string;
}

export function ApiForm<V extends Values>({ state, submitLabel, children, extraActions, ...rest }: ApiFormProps<V>) {
  return (
    <form ref={state.formRef} onSubmit={state.handleSubmit} noValidate aria-label={rest['aria-label']}>
      <Stack gap="md">
        <FormError message={state.formError} />
        {children}
        <Group>
          <Button type="submit" loading={state.submitting}>
            {submitLabel}
          </Button>
          {extraActions}
        </Group>
      </Stack>
    </form>
  );
}
