import { useState } from 'react';
import { Alert, Paper, Radio, Stack, TextInput } from '@mantine/core';
import { PasswordField } from '@/components/PasswordField';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import type { RoleAssignment } from '@/lib/types';
import { usernameError, USERNAME_HINT } from '@/lib/validation';
import { useMe } from '@/features/auth/api';
import { useProviderOptions } from '@/features/providers/api';
import { useCreateUser, useRoles } from '../api';
import { assignmentErrors, roleErrorsFromProblem, RoleAssignmentsEditor } from '../components/RoleAssignmentsEditor';
import { emailRule, nameRule, UserFields } from '../components/UserFields';

export function CreateUserPage() {
  const navigate = useNavigate();
  const me = useMe();
  const roles = useRoles();
  const providers = useProviderOptions();
  const create = useCreateUser();
  const [assignments, setAssignments] = useState<RoleAssignment[]>([]);
  const [roleErrors, setRoleErrors] = useState<(string | null)[]>([]);

  const f = useApiForm({
    initialValues: { username: '', first_name: '', last_name: '', email: '', telephone: '', method: 'email', password: '' },
    validate: {
      username: (v) => usernameError(String(v)),
      first_name: nameRule('first name'),
      last_name: nameRule('last name'),
      email: (v, values) => emailRule(values.method === 'email')(v),
      password: (v, values) => {
        if (values.method !== 'password') return null;
        const s = String(v);
        const p = me.data?.password_policy;
        if (!s) return 'Enter an initial password';
        if (p && (s.length < p.min_length || s.length > p.max_length)) return `The password must be ${p.min_length} to ${p.max_length} characters long`;
        return null;
      },
    },
    onSubmit: async (values) => {
      const errs = assignmentErrors(assignments);
      setRoleErrors(errs);
      if (errs.some(Boolean)) throw new Error('Check the roles: each needs a role and, for a provider, group or employer, which one.');
      let user;
      try {
        user = await create.mutateAsync({
          username: values.username.trim(),
          first_name: values.first_name.trim(),
          last_name: values.last_name.trim(),
          email: values.email.trim() || undefined,
          telephone: values.telephone.trim() || undefined,
          password: values.method === 'password' ? values.password : undefined,
          roles: assignments,
        });
      } catch (e) {
        setRoleErrors(roleErrorsFromProblem(e, assignments.length));
        throw e;
      }
      notifications.show({
        color: 'green',
        title: 'User created',
        message: values.method === 'email' ? `A verification email is on its way to ${user.email}.` : `${user.username} must change the password at first sign-in.`,
      });
      navigate(`/admin/users/${user.id}`);
    },
  });

  return (
    <Stack maw={760}>
      <PageTitle description="The user gets a verification email to choose a password, or you set an initial password they must change.">Create user</PageTitle>
      <Paper withBorder p="md" radius="md">
        <ApiForm state={f} submitLabel="Create user" aria-label="Create user" extraActions={undefined}>
          <TextInput label="Username" description={`Often the email address. ${USERNAME_HINT}`} required autoComplete="off" {...f.form.getInputProps('username')} />
          <UserFields form={f.form} emailRequired={f.form.values.method === 'email'} />
          <Radio.Group label="How will they get their password?" {...f.form.getInputProps('method')}>
            <Stack gap="xs" mt="xs">
              <Radio value="email" label="Send a verification email so they choose their own password" />
              <Radio value="password" label="Set an initial password (they must change it when they first sign in)" />
            </Stack>
          </Radio.Group>
          {f.form.values.method === 'password' && (
            <PasswordField label="Initial password" description={me.data?.password_policy.description} autoComplete="new-password" required {...f.form.getInputProps('password')} />
          )}
          {roles.isError && <Alert color="red" role="alert">The list of roles could not be loaded.</Alert>}
          <RoleAssignmentsEditor value={assignments} onChange={setAssignments} roles={roles.data?.items ?? []} providers={providers.data?.items ?? []} errors={roleErrors} />
        </ApiForm>
      </Paper>
    </Stack>
  );
}
