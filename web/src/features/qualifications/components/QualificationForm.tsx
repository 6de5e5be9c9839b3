// Adding or editing one qualification (manual 5.4): type → subject (only that type's) → completion
// month and year → predicted and/or actual grade (only that type's grades). Adding offers "Save"
// and "Save and add another qualification"; the server's field errors land beside the fields.
import { useRef } from 'react';
import { Button, Fieldset, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import type { ReferenceItem } from '@/lib/types';
import { useQualificationTypes, useSaveQualification, useTypeEntries, type QualificationsOwner } from '../api';
import { completionYears, EMPTY_QUALIFICATION, MONTHS, QUALIFICATION_FIELD_MAP, qualificationRules, toBody, valuesFromQualification, type QualificationFormValues } from '../form';
import type { Qualification } from '../types';

const choose = (items: ReferenceItem[] | undefined, prompt: string) => [{ value: '', label: prompt }, ...(items ?? []).map((i) => ({ value: i.code, label: i.label }))];

/** Keeps a value the list no longer offers (a retired subject or grade) visible on the record. */
function withCurrent(options: { value: string; label: string }[], current: ReferenceItem | null | undefined) {
  if (current && !options.some((o) => o.value === current.code)) options.push({ value: current.code, label: current.label });
  return options;
}

export interface QualificationFormProps {
  owner: QualificationsOwner;
  /** The qualification being edited; absent when adding. */
  editing?: Qualification;
  onDone: (saved: Qualification) => void;
  onCancel: () => void;
  /** After "Save and add another qualification": the form is already cleared. */
  onSavedAnother?: (saved: Qualification) => void;
}

export function QualificationForm({ owner, editing, onDone, onCancel, onSavedAnother }: QualificationFormProps) {
  const save = useSaveQualification(owner);
  const another = useRef(false);
  const f = useApiForm<QualificationFormValues>({
    initialValues: editing ? valuesFromQualification(editing) : EMPTY_QUALIFICATION,
    validate: qualificationRules,
    fieldMap: QUALIFICATION_FIELD_MAP,
    onSubmit: async (values) => {
      const addAnother = another.current;
      const saved = await save.mutateAsync({ id: editing?.id, body: toBody(values, editing?.version) });
      if (addAnother && !editing) {
        // keep the type: the next one is often the same kind of qualification
        f.form.setValues({ ...EMPTY_QUALIFICATION, type: values.type });
        f.form.resetDirty();
        f.form.clearErrors();
        onSavedAnother?.(saved);
        window.setTimeout(() => f.formRef.current?.querySelector<HTMLSelectElement>('select[name="subject"]')?.focus(), 0);
      } else {
        onDone(saved);
      }
    },
  });
  const type = f.form.values.type;
  const types = useQualificationTypes();
  const subjects = useTypeEntries(type, 'subjects');
  const grades = useTypeEntries(type, 'grades');
  const sameType = editing && editing.type.code === type;
  const gradeOptions = (current: ReferenceItem | null | undefined) => withCurrent(choose(grades.data, type ? 'No grade' : 'Choose the type first'), sameType ? current : null);

  return (
    <ApiForm
      state={{
        ...f,
        handleSubmit: (e) => {
          another.current = (e?.nativeEvent as SubmitEvent | undefined)?.submitter?.getAttribute('data-action') === 'another';
          f.handleSubmit(e);
        },
      }}
      submitLabel="Save"
      aria-label={editing ? 'Edit qualification' : 'Add a qualification'}
      extraActions={
        <>
          {!editing && (
            <Button type="submit" variant="outline" data-action="another" disabled={f.submitting}>
              Save and add another qualification
            </Button>
          )}
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </>
      }
    >
      <Stack gap="sm">
        <NativeSelect
          label="Type of qualification"
          name="type"
          required
          data={withCurrent(choose(types.data, 'Choose the type'), editing?.type)}
          {...f.form.getInputProps('type')}
          onChange={(e) => {
            // a new type has other subjects and grades: clear them
            f.form.setValues({ type: e.currentTarget.value, subject: '', predicted_grade: '', actual_grade: '' });
          }}
        />
        <NativeSelect
          label="Subject"
          name="subject"
          required
          disabled={!type}
          description={type ? undefined : 'Choose the type of qualification first.'}
          data={withCurrent(choose(subjects.data, type ? 'Choose the subject' : 'Choose the type first'), sameType ? editing?.subject : null)}
          {...f.form.getInputProps('subject')}
        />
        <Fieldset legend="Completion date (or expected completion)" variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label="Month" name="completed_month" required data={[{ value: '', label: 'Choose the month' }, ...MONTHS]} {...f.form.getInputProps('completed_month')} />
            <NativeSelect label="Year" name="completed_year" required data={[{ value: '', label: 'Choose the year' }, ...completionYears()]} {...f.form.getInputProps('completed_year')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Grades" variant="unstyled">
          <Text size="sm" mb="xs">
            Give a predicted grade, an actual grade or both. Give an actual grade once you have your result.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label="Predicted grade" name="predicted_grade" disabled={!type} data={gradeOptions(editing?.predicted_grade)} {...f.form.getInputProps('predicted_grade')} />
            <NativeSelect label="Actual grade" name="actual_grade" disabled={!type} data={gradeOptions(editing?.actual_grade)} {...f.form.getInputProps('actual_grade')} />
          </SimpleGrid>
        </Fieldset>
      </Stack>
    </ApiForm>
  );
}
