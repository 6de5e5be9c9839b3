// "Account": personal details, username and password, each on its own tab (manual section 3).
import { Paper, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { PasswordField } from '@/components/PasswordField';
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { PasswordFields, passwordRules } from '@/components/PasswordFields';
import type { Me } from '@/lib/types';
import { usernameError, USERNAME_HINT } from '@/lib/validation';
import { useMe } from '@/features/auth/api';
import { useChangePassword, useChangeUsername, useUpdateMe } from '../api';

function PersonalDetailsForm({ me }: { me: Me }) {
  const update = useUpdateMe();
  const u = me.user;
  const f = useApiForm({
    initialValues: { first_name: u.first_name ?? '', last_name: u.last_name ?? '', email: u.email ?? '', telephone: u.telephone ?? '' },
    validate: {
      first_name: (v) => (String(v).trim() ? null : 'Enter your first name'),
      last_name: (v) => (String(v).trim() ? null : 'Enter your last name'),
      email: (v) => (!String(v).trim() || /^\S+@\S+\.\S+$/.test(String(v).trim()) ? null : 'Enter an email address like name@example.org'),
    },
    onSubmit: async (values) => {
      const saved = await update.mutateAsync({
        first_name: values.first_name.trim(),
        last_name: values.last_name.trim(),
        email: values.email.trim(),
        telephone: values.telephone.trim(),
        version: me.user.version,
      });
      f.form.resetDirty({ first_name: saved.user.first_name, last_name: saved.user.last_name, email: saved.user.email ?? '', telephone: saved.user.telephone ?? '' });
      notifications.show({ color: 'green', title: 'Saved', message: 'Your personal details are up to date.' });
    },
  });
  return (
    <ApiForm state={f} submitLabel="Save" aria-label="Personal details">
      <Text size="sm">Keep your details up to date so that we can contact you if your sign-in details need to be reset.</Text>
      <TextInput label="First name" autoComplete="given-name" required {...f.form.getInputProps('first_name')} />
      <TextInput label="Last name" autoComplete="family-name" required {...f.form.getInputProps('last_name')} />
      <TextInput label="Email address" type="email" autoComplete="email" {...f.form.getInputProps('email')} />
      <TextInput label="Telephone" type="tel" autoComplete="tel" {...f.form.getInputProps('telephone')} />
    </ApiForm>
  );
}

function UsernameForm({ me }: { me: Me }) {
  const change = useChangeUsername();
  const navigate = useNavigate();
  const f = useApiForm({
    initialValues: { username: me.user.username },
    validate: { username: (v) => usernameError(String(v)) },
    onSubmit: async (values) => {
      await change.mutateAsync(values.username.trim());
      notifications.show({ color: 'green', title: 'Username changed', message: 'Sign in again with your new username.' });
      navigate('/login', { replace: true, state: { notice: 'Your username has been changed and you have been signed out. Sign in with your new username.' } });
    },
  });
  return (
    <ApiForm state={f} submitLabel="Save" aria-label="Username">
      <Text size="sm">When you change your username you will be signed out, and need to sign in again with the new username.</Text>
      <TextInput label="Username" description={USERNAME_HINT} autoComplete="username" required {...f.form.getInputProps('username')} />
    </ApiForm>
  );
}

function PasswordForm({ me }: { me: Me }) {
  const change = useChangePassword();
  const f = useApiForm({
    initialValues: { current_password: '', new_password: '', confirm_password: '' },
    validate: { current_password: (v) => (String(v) ? null : 'Enter your current password'), ...passwordRules(me.password_policy) },
    onSubmit: async (values) => {
      await change.mutateAsync({ current_password: values.current_password, new_password: values.new_password });
      f.form.reset();
      notifications.show({ color: 'green', title: 'Password changed', message: 'Your new password is saved. Other sessions have been signed out.' });
    },
  });
  return (
    <ApiForm state={f} submitLabel="Save" aria-label="Password">
      <PasswordField label="Current password" autoComplete="current-password" required {...f.form.getInputProps('current_password')} />
      <PasswordFields form={f.form} policy={me.password_policy} />
    </ApiForm>
  );
}

export function AccountPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'details';
  if (!me.data) return null;
  return (
    <Stack maw={640}>
      <PageTitle description="Edit your personal details, username and password.">Account</PageTitle>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'details' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Account sections">
          <Tabs.Tab value="details">Personal details</Tabs.Tab>
          <Tabs.Tab value="username">Username</Tabs.Tab>
          <Tabs.Tab value="password">Password</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder p="md" mt="md" radius="md">
          <Tabs.Panel value="details">
            <PersonalDetailsForm me={me.data} key={me.data.user.version} />
          </Tabs.Panel>
          <Tabs.Panel value="username">
            <UsernameForm me={me.data} />
          </Tabs.Panel>
          <Tabs.Panel value="password">
            <PasswordForm me={me.data} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  );
}
