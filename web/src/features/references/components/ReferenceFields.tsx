// The reference template (manual 5.5): display to learner, attendance, a rating per criterion on
// one scale, further details (required once a rating is below average or attendance is low) and
// additional support.
import { Fieldset, NativeSelect, Radio, SimpleGrid, Stack, Group, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReferenceItem } from '@/lib/types';
import { ATTENDANCE_NEEDING_DETAILS, CRITERIA, needsFurtherDetails, type ReferenceFormValues } from '../form';

function YesNo({ form, field, label, description }: { form: UseFormReturnType<ReferenceFormValues>; field: 'display_to_learner' | 'additional_support'; label: string; description?: string }) {
  return (
    <Radio.Group label={label} description={description} required {...form.getInputProps(field)}>
      <Group mt={6}>
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
      </Group>
    </Radio.Group>
  );
}

export function ReferenceFields({ form, scale, disabled }: { form: UseFormReturnType<ReferenceFormValues>; scale: ReferenceItem[]; disabled: boolean }) {
  const options = [{ value: '', label: 'Choose a rating' }, ...scale.map((s) => ({ value: s.code, label: s.label }))];
  const detailsNeeded = needsFurtherDetails(form.values);
  return (
    <Fieldset legend="Reference" disabled={disabled}>
      <Stack gap="md">
        <YesNo form={form} field="display_to_learner" label="Display to learner" description="Yes: the learner can read this reference once it is complete." />
        <TextInput
          label="Attendance (%)"
          required
          inputMode="numeric"
          description={`A whole number from 0 to 100. Below ${ATTENDANCE_NEEDING_DETAILS}% needs further details.`}
          w={{ base: '100%', sm: 260 }}
          {...form.getInputProps('attendance')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {CRITERIA.map((c) => (
            <NativeSelect key={c.code} label={c.label} required data={options} {...form.getInputProps(`rating_${c.code}`)} />
          ))}
        </SimpleGrid>
        <Textarea
          label="Further details"
          description="If any are below average, or attendance is below 90%, please provide further details."
          required={detailsNeeded}
          autosize
          minRows={3}
          {...form.getInputProps('further_details')}
        />
        <YesNo form={form} field="additional_support" label="Additional support required" />
      </Stack>
    </Fieldset>
  );
}
