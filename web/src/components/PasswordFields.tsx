// New password + confirmation, with the tenant's policy shown as the hint. Client checks mirror the
// policy's lengths; the server is the judge of the rest (422 weak_password lands on the field).
import { PasswordField } from './PasswordField';
import type { UseFormReturnType } from '@mantine/form';
import type { PasswordPolicy } from '@/lib/types';

export function passwordRules(policy: PasswordPolicy | undefined) {
  return {
    new_password: (v: unknown) => {
      const s = String(v ?? '');
      if (!s) return 'Enter a new password';
      if (policy && (s.length < policy.min_length || s.length > policy.max_length)) return `The password must be ${policy.min_length} to ${policy.max_length} characters long`;
      return null;
    },
    confirm_password: (v: unknown, values: Record<string, unknown>) => (v !== values.new_password ? 'The passwords do not match' : null),
  };
}

export function PasswordFields<V extends { new_password: string; confirm_password: string }>({
  form,
  policy,
  newLabel = 'New password',
}: {
  form: UseFormReturnType<V>;
  policy: PasswordPolicy | undefined;
  newLabel?: string;
}) {
  return (
    <>
      <PasswordField
        label={newLabel}
        description={policy?.description ?? undefined}
        autoComplete="new-password"
        required
        {...form.getInputProps('new_password')}
      />
      <PasswordField label="Confirm new password" autoComplete="new-password" required {...form.getInputProps('confirm_password')} />
    </>
  );
}
