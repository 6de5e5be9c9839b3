// Every field of a learner (manual 5.1), grouped as the manual groups them: login information (new
// learners only), key information, profile and additional information. `parts` shows some groups
// only (a profile section's tab); `ownProfile` leaves out what only a manager sets (the provider).
import { Fieldset, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PasswordField } from '@/components/PasswordField';
import type { PasswordPolicy, Provider, ReferenceItem } from '@/lib/types';
import { todayIso, USERNAME_RULE, type LearnerFormValues } from '../form';

export interface LearnerFieldsProps {
  form: UseFormReturnType<LearnerFormValues>;
  mode: 'create' | 'edit';
  providers: Provider[];
  yearGroups: ReferenceItem[];
  genders: ReferenceItem[];
  ethnicities: ReferenceItem[];
  policy?: PasswordPolicy;
  disabled?: boolean;
  parts?: readonly LearnerFieldPart[];
  ownProfile?: boolean;
}

export type LearnerFieldPart = 'login' | 'key' | 'profile' | 'additional';
const ALL_PARTS: readonly LearnerFieldPart[] = ['login', 'key', 'profile', 'additional'];

const options = (items: ReferenceItem[], none: string) => [{ value: '', label: none }, ...items.map((i) => ({ value: i.code, label: i.label }))];

/** "Use provider default (yes)" when the provider is known. */
function defaultLabel(setting: boolean | undefined): string {
  return setting === undefined ? 'Use provider default' : `Use provider default (currently ${setting ? 'yes' : 'no'})`;
}

export function LearnerFields({ form, mode, providers, yearGroups, genders, ethnicities, policy, disabled, parts = ALL_PARTS, ownProfile = false }: LearnerFieldsProps) {
  const show = (part: LearnerFieldPart) => parts.includes(part);
  const provider = providers.find((p) => String(p.id) === form.values.provider_id);
  const providerOptions = [{ value: '', label: 'Choose the provider' }, ...providers.map((p) => ({ value: String(p.id), label: p.name }))];
  // a learner at a provider outside the picker's list still shows its provider
  if (form.values.provider_id && !provider) providerOptions.push({ value: form.values.provider_id, label: `Provider ${form.values.provider_id}` });

  return (
    <Stack gap="lg">
      {mode === 'create' && show('login') && (
        <Fieldset legend="Login information" disabled={disabled}>
          <Stack gap="sm">
            <TextInput label="Username" description={USERNAME_RULE} required autoComplete="off" {...form.getInputProps('username')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PasswordField
                label="Password"
                description={policy?.description ?? '6 to 20 characters, with at least one letter and at least one number or symbol.'}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
              <PasswordField label="Confirm password" description="Type the password again" autoComplete="new-password" required {...form.getInputProps('confirm_password')} />
            </SimpleGrid>
            <Text size="sm">The learner must change this password when they first sign in.</Text>
          </Stack>
        </Fieldset>
      )}

      {show('key') && (
      <Fieldset legend="Key information" disabled={disabled}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required autoComplete="off" {...form.getInputProps('first_name')} />
          <TextInput label="Last name" required autoComplete="off" {...form.getInputProps('last_name')} />
          <TextInput label="Date of birth" type="date" required max={todayIso()} {...form.getInputProps('date_of_birth')} />
          <TextInput label="Email address" type="email" description="Optional" autoComplete="off" {...form.getInputProps('email')} />
          <NativeSelect label="Year group" required data={options(yearGroups, 'Choose the year group')} {...form.getInputProps('year_group')} />
          {!ownProfile && <NativeSelect label="Provider" required data={providerOptions} {...form.getInputProps('provider_id')} />}
        </SimpleGrid>
      </Fieldset>
      )}

      {show('profile') && !ownProfile && (
      <Fieldset legend="Profile" disabled={disabled}>
        <Stack gap="md">
          <Radio.Group
            label="Sign off the learner’s profile?"
            description="Yes: you approve the learner’s profile before an application is submitted."
            {...form.getInputProps('profile_sign_off')}
          >
            <Group3>
              <Radio value="default" label={defaultLabel(provider?.sign_off_profiles)} />
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No" />
            </Group3>
          </Radio.Group>
          <Radio.Group
            label="Add qualifications on behalf of this learner?"
            description="Yes: you add the learner’s qualifications to their profile."
            {...form.getInputProps('manager_adds_qualifications')}
          >
            <Group3>
              <Radio value="default" label={defaultLabel(provider ? !provider.learners_add_qualifications : undefined)} />
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No" />
            </Group3>
          </Radio.Group>
        </Stack>
      </Fieldset>
      )}

      {show('additional') && (
      <Fieldset legend="Additional information" disabled={disabled}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="House name or number" autoComplete="off" {...form.getInputProps('house')} />
          <TextInput label="Street" autoComplete="off" {...form.getInputProps('street')} />
          <TextInput label="Locality" autoComplete="off" {...form.getInputProps('locality')} />
          <TextInput label="Town" autoComplete="off" {...form.getInputProps('town')} />
          <TextInput label="Postcode" description="A full UK postcode, like GL50 3SH" autoComplete="off" {...form.getInputProps('postcode')} />
          <TextInput label="Telephone number" type="tel" description="A UK number, like 01632 960001" autoComplete="off" {...form.getInputProps('telephone')} />
          <TextInput label="ULN" description="Unique Learner Number: 10 digits" inputMode="numeric" maxLength={10} autoComplete="off" {...form.getInputProps('uln')} />
          <TextInput label="UPN" description="Unique Pupil Number: 13 characters" maxLength={13} autoComplete="off" {...form.getInputProps('upn')} />
          <TextInput label="CCIS ID" description="Client Caseload Information System identifier" autoComplete="off" {...form.getInputProps('ccis')} />
          <NativeSelect label="Gender" data={options(genders, 'Not recorded')} {...form.getInputProps('gender')} />
          <NativeSelect label="Ethnic group" data={options(ethnicities, 'Not recorded')} {...form.getInputProps('ethnicity')} />
        </SimpleGrid>
      </Fieldset>
      )}
    </Stack>
  );
}

function Group3({ children }: { children: React.ReactNode }) {
  return (
    <Stack gap="xs" mt="xs">
      {children}
    </Stack>
  );
}
