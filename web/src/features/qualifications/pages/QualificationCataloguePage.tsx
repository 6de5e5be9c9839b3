// /admin/qualifications: administrators edit their organisation's qualification types, and each
// type's subjects and grades, which the qualification forms offer (manual 5.4).
import { useState } from 'react';
import { Alert, Loader, NativeSelect, Paper, Stack } from '@mantine/core';
import { PageTitle } from '@/components/PageTitle';
import { errorMessage } from '@/lib/api-client';
import { useCatalogue } from '../api';
import { CatalogueEntries } from '../components/CatalogueEntries';

export function QualificationCataloguePage() {
  const catalogue = useCatalogue();
  const [typeId, setTypeId] = useState('');
  if (catalogue.isPending) return <Loader aria-label="Loading the qualification types" />;
  if (catalogue.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(catalogue.error)}
      </Alert>
    );
  const types = catalogue.data.items;
  const chosen = types.find((t) => String(t.id) === typeId) ?? types[0];

  return (
    <Stack maw={900}>
      <PageTitle description="The qualification types, subjects and grades learners and their managers choose from. Changes apply to your organisation only.">Qualifications</PageTitle>
      <Paper withBorder p="md" radius="md">
        <CatalogueEntries kind="types" items={types} title="Qualification types" />
      </Paper>
      {chosen && (
        <Paper withBorder p="md" radius="md">
          <Stack>
            <NativeSelect
              label="Type to edit"
              description="Choose the type whose subjects and grades you want to change."
              data={types.map((t) => ({ value: String(t.id), label: t.retired ? `${t.label} (retired)` : t.label }))}
              value={String(chosen.id)}
              onChange={(e) => setTypeId(e.currentTarget.value)}
            />
            <CatalogueEntries kind="subjects" items={chosen.subjects} typeId={chosen.id} title={`Subjects of ${chosen.label}`} />
            <CatalogueEntries kind="grades" items={chosen.grades} typeId={chosen.id} title={`Grades of ${chosen.label}`} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
