// Choosing a password from an emailed link: a password reset or an account verification. Both
// check the token first (410 = expired or used) and show the tenant's password policy.
import { useState } from 'react';
import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { notifications } from '@mantine/notifications';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { PasswordFields, passwordRules } from '@/components/PasswordFields';
import { errorMessage, isApiError } from '@/lib/api-client';
import type { PasswordPolicy } from '@/lib/types';
import { completePasswordReset, completeVerification, useResetToken, useVerificationToken } from '../api';

function ExpiredLink({ kind }: { kind: 'reset' | 'verify' }) {
  return (
    <Alert color="orange" role="alert" title="This link has expired or been used">
      <Stack gap="xs">
        <Text size="sm">
          {kind === 'reset'
            ? 'Password reset links can be used once and only for a short time.'
            : 'Verification links can be used once and only for a short time. Ask your administrator to send a new one, or request a password reset.'}
        </Text>
        <Anchor component={Link} to="/forgot-password" c="dark.9" underline="always">
          Request a new password reset link
        </Anchor>
      </Stack>
    </Alert>
  );
}

function ChoosePasswordForm({ policy, submit, submitLabel, username }: { policy: PasswordPolicy; submit: (p: string) => Promise<void>; submitLabel: string; username?: string }) {
  const navigate = useNavigate();
  const [expired, setExpired] = useState(false);
  const f = useApiForm({
    initialValues: { new_password: '', confirm_password: '' },
    validate: passwordRules(policy),
    fieldMap: { password: 'new_password' },
    onSubmit: async (values) => {
      try {
        await submit(values.new_password);
      } catch (e) {
        if (isApiError(e) && e.status === 410) {
          setExpired(true);
          return;
        }
        throw e;
      }
      notifications.show({ color: 'green', title: 'Password saved', message: 'You can now sign in with your new password.' });
      navigate('/login', { replace: true, state: { notice: 'Your password has been saved. Sign in with your new password.' } });
    },
  });
  if (expired) return <ExpiredLink kind="reset" />;
  return (
    <ApiForm state={f} submitLabel={submitLabel} aria-label="Choose a password">
      {username && (
        <Text>
          Your username is <strong>{username}</strong>.
        </Text>
      )}
      <PasswordFields form={f.form} policy={policy} />
    </ApiForm>
  );
}

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const q = useResetToken(token);
  return (
    <Stack>
      <PageTitle>Choose a new password</PageTitle>
      {q.isPending && <Loader aria-label="Checking the link" />}
      {q.isError && (isApiError(q.error) && (q.error.status === 410 || q.error.status === 404) ? <ExpiredLink kind="reset" /> : <Alert color="red" role="alert">{errorMessage(q.error)}</Alert>)}
      {q.data && <ChoosePasswordForm policy={q.data.password_policy} submit={(p) => completePasswordReset(token, p)} submitLabel="Save new password" />}
    </Stack>
  );
}

export function VerifyPage() {
  const { token = '' } = useParams();
  const q = useVerificationToken(token);
  return (
    <Stack>
      <PageTitle>Verify your account</PageTitle>
      {q.isPending && <Loader aria-label="Checking the link" />}
      {q.isError && (isApiError(q.error) && (q.error.status === 410 || q.error.status === 404) ? <ExpiredLink kind="verify" /> : <Alert color="red" role="alert">{errorMessage(q.error)}</Alert>)}
      {q.data && (
        <>
          <Text>Choose a password to finish setting up your account.</Text>
          <ChoosePasswordForm policy={q.data.password_policy} username={q.data.username} submit={(p) => completeVerification(token, p)} submitLabel="Save password" />
        </>
      )}
    </Stack>
  );
}
