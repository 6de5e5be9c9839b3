// The personal fields shared by "create user" and "edit user".
import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

export const nameRule = (what: string) => (v: unknown) => (String(v ?? '').trim() ? null : `Enter the ${what}`);
export const emailRule = (required: boolean) => (v: unknown) => {
  const s = String(v ?? '').trim();
  if (!s) return required ? 'Enter an email address: the verification email goes there' : null;
  return /^\S+@\S+\.\S+$/.test(s) ? null : 'Enter an email address like name@example.org';
};

export function UserFields({ form, emailRequired }: { form: UseFormReturnType<any>; emailRequired: boolean }) {
  return (
    <>
      <TextInput label="First name" required {...form.getInputProps('first_name')} />
      <TextInput label="Last name" required {...form.getInputProps('last_name')} />
      <TextInput label="Email address" type="email" required={emailRequired} {...form.getInputProps('email')} />
      <TextInput label="Telephone" type="tel" {...form.getInputProps('telephone')} />
    </>
  );
}
