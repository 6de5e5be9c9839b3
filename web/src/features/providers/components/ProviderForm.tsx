// Name and UKPRN, for creating and editing a provider. The UKPRN hint is only a hint: the server
// checks it too and its answer (invalid_ukprn, ukprn_taken) appears under the field.
import { TextInput } from '@mantine/core';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import type { ProviderInput } from '../api';
import { ukprnHint } from '../api';

export function ProviderForm({ initial, submitLabel, onSubmit, label }: { initial: ProviderInput; submitLabel: string; onSubmit: (v: ProviderInput) => Promise<unknown>; label: string }) {
  const f = useApiForm({
    initialValues: initial,
    validate: {
      name: (v) => (String(v).trim() ? null : 'Enter the provider’s name'),
      ukprn: (v) => ukprnHint(String(v)),
    },
    onSubmit: (v) => onSubmit({ name: v.name.trim(), ukprn: v.ukprn.trim() }),
  });
  return (
    <ApiForm state={f} submitLabel={submitLabel} aria-label={label}>
      <TextInput label="Name" required data-autofocus {...f.form.getInputProps('name')} />
      <TextInput label="UKPRN" description="8 digits starting with 1, e.g. 10012345" inputMode="numeric" maxLength={8} required {...f.form.getInputProps('ukprn')} />
    </ApiForm>
  );
}
