// The referee at the top of the reference (manual 5.5): the provider's default referee, or the
// fields for a different one, with the link-style buttons that switch between them.
import { Button, Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Referee } from '@/lib/types';
import type { ReferenceFormValues } from '../form';

export function RefereeSummary({ referee }: { referee: Referee }) {
  if (!referee.name) return <Text size="sm">No referee named.</Text>;
  return (
    <Stack gap={2}>
      <Text fw={700}>
        {referee.name}
        {referee.position && `, ${referee.position}`}
      </Text>
      {referee.telephone && <Text size="sm">Telephone: {referee.telephone}</Text>}
      {referee.email && <Text size="sm">Email: {referee.email}</Text>}
    </Stack>
  );
}

export function RefereeBlock({ form, defaultReferee, disabled }: { form: UseFormReturnType<ReferenceFormValues>; defaultReferee: Referee; disabled: boolean }) {
  const different = form.values.different_referee;
  const switchTo = (value: boolean) => () => form.setFieldValue('different_referee', value);
  return (
    <Fieldset legend="Referee" disabled={disabled}>
      {different ? (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Referee's name" required {...form.getInputProps('referee_name')} />
            <TextInput label="Referee's position" required {...form.getInputProps('referee_position')} />
            <TextInput label="Referee's telephone" description="A UK number" required type="tel" {...form.getInputProps('referee_telephone')} />
            <TextInput label="Referee's email address" required type="email" {...form.getInputProps('referee_email')} />
          </SimpleGrid>
          {!disabled && (
            <Button variant="subtle" size="compact-sm" onClick={switchTo(false)} style={{ alignSelf: 'flex-start' }}>
              Use the default provider referee
            </Button>
          )}
        </Stack>
      ) : (
        <Stack gap="xs">
          <RefereeSummary referee={defaultReferee} />
          <Text size="sm" c="dimmed">
            {defaultReferee.name ? 'This is the default provider referee' : 'The provider has no default referee. Add a different referee.'}
          </Text>
          {form.errors.different_referee && (
            <Text size="sm" c="red" role="alert">
              {form.errors.different_referee}
            </Text>
          )}
          {!disabled && (
            <Button variant="subtle" size="compact-sm" onClick={switchTo(true)} style={{ alignSelf: 'flex-start' }}>
              Add a different referee
            </Button>
          )}
        </Stack>
      )}
    </Fieldset>
  );
}
