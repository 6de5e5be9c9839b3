import { Alert, Anchor, Stack, Text, TextInput } from '@mantine/core';
import { PasswordField } from '@/components/PasswordField';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { ApiError } from '@/lib/api-client';
import { useMe, useSignIn } from '../api';

const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid_credentials: 'Invalid username or password.',
  account_locked: 'Your account is locked — contact your administrator.',
  account_disabled: 'Your account is disabled — contact your administrator.',
  too_many_requests: 'Too many sign-in attempts. Wait a minute, then try again.',
};

export function LoginPage() {
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; notice?: string };
  const me = useMe();
  const signIn = useSignIn();

  const f = useApiForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (String(v).trim() ? null : 'Enter your username'),
      password: (v) => (String(v) ? null : 'Enter your password'),
    },
    onSubmit: async (values) => {
      try {
        // Success stores the answer as "me"; the redirect below then takes the user on.
        await signIn.mutateAsync({ username: values.username.trim(), password: values.password });
      } catch (e) {
        if (e instanceof ApiError && e.code && SIGN_IN_MESSAGES[e.code]) {
          f.form.setFieldValue('password', '');
          throw new ApiError({ ...e.problem, detail: SIGN_IN_MESSAGES[e.code] });
        }
        throw e;
      }
    },
  });

  if (me.data) {
    const target = me.data.must_change_password ? '/change-password' : state.from && state.from !== '/login' ? state.from : '/';
    return <Navigate to={target} replace />;
  }

  return (
    <Stack>
      <PageTitle>Sign in</PageTitle>
      {state.notice && (
        <Alert color="blue" role="status">
          {state.notice}
        </Alert>
      )}
      <ApiForm state={f} submitLabel="Sign in" aria-label="Sign in">
        <TextInput label="Username" autoComplete="username" required {...f.form.getInputProps('username')} />
        <PasswordField label="Password" autoComplete="current-password" required {...f.form.getInputProps('password')} />
      </ApiForm>
      <Text>
        <Anchor component={Link} to="/forgot-password">
          Forgotten your password?
        </Anchor>
      </Text>
    </Stack>
  );
}
