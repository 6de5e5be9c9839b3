// The forced change at first sign-in (`must_change_password`): nothing else works until it is done.
import { Alert, Stack } from '@mantine/core';
import { PasswordField } from '@/components/PasswordField';
import { Navigate, useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { PasswordFields, passwordRules } from '@/components/PasswordFields';
import { useChangePassword, useMe } from '../api';

export function ChangePasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  const change = useChangePassword();
  const policy = me.data?.password_policy;
  const f = useApiForm({
    initialValues: { current_password: '', new_password: '', confirm_password: '' },
    validate: {
      current_password: (v) => (String(v) ? null : 'Enter your current password'),
      ...passwordRules(policy),
    },
    onSubmit: async (values) => {
      await change.mutateAsync({ current_password: values.current_password, new_password: values.new_password });
      notifications.show({ color: 'green', title: 'Password changed', message: 'Your new password is saved.' });
      navigate('/', { replace: true });
    },
  });

  if (me.isSuccess && !me.data) return <Navigate to="/login" replace />;

  return (
    <Stack maw={480}>
      <PageTitle>Change your password</PageTitle>
      {me.data?.must_change_password && (
        <Alert color="blue" role="status">
          You must choose a new password before you continue.
        </Alert>
      )}
      <ApiForm state={f} submitLabel="Change password" aria-label="Change your password">
        <PasswordField label="Current password" autoComplete="current-password" required {...f.form.getInputProps('current_password')} />
        <PasswordFields form={f.form} policy={policy} />
      </ApiForm>
    </Stack>
  );
}
