import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider, TextInput } from '@mantine/core';
import { ApiError } from '@/lib/api-client';
import { ApiForm, useApiForm } from './ApiForm';

function ProviderLikeForm() {
  const f = useApiForm({
    initialValues: { name: '', ukprn: '' },
    onSubmit: async () => {
      throw new ApiError({ status: 422, errors: [{ field: 'ukprn', code: 'ukprn_taken', message: 'Another provider already has this UKPRN.' }] });
    },
  });
  return (
    <ApiForm state={f} submitLabel="Save">
      <TextInput label="Name" {...f.form.getInputProps('name')} />
      <TextInput label="UKPRN" {...f.form.getInputProps('ukprn')} />
    </ApiForm>
  );
}

describe('ApiForm', () => {
  it('shows a 422 field error beside its field and marks it invalid', async () => {
    render(
      <MantineProvider>
        <ProviderLikeForm />
      </MantineProvider>,
    );
    await userEvent.type(screen.getByLabelText('UKPRN'), '10000001');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Another provider already has this UKPRN.')).toBeTruthy();
    expect(screen.getByLabelText('UKPRN').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).not.toBe('true');
  });
});
