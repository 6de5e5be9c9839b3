import { useState } from 'react';
import { Alert, Anchor, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { requestPasswordReset } from '../api';

export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const f = useApiForm({
    initialValues: { username_or_email: '' },
    validate: { username_or_email: (v) => (String(v).trim() ? null : 'Enter your username or email address') },
    onSubmit: async (values) => {
      await requestPasswordReset(values.username_or_email.trim());
      setSent(true);
    },
  });

  return (
    <Stack>
      <PageTitle>Forgotten your password?</PageTitle>
      {sent ? (
        <Alert color="green" role="status" title="Check your email">
          If an account matches what you entered, we have sent an email with a link to choose a new password. The link can be used once and expires
          after a short time.
        </Alert>
      ) : (
        <>
          <Text>Enter your username or email address and we will email you a link to choose a new password.</Text>
          <ApiForm state={f} submitLabel="Send reset link" aria-label="Request a password reset">
            <TextInput label="Username or email address" autoComplete="username" required {...f.form.getInputProps('username_or_email')} />
          </ApiForm>
        </>
      )}
      <Text>
        <Anchor component={Link} to="/login">
          Back to sign in
        </Anchor>
      </Text>
    </Stack>
  );
}
