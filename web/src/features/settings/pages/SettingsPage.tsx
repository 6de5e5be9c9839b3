import { Alert, Loader, Paper, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { errorMessage } from '@/lib/api-client';
import type { Settings } from '@/lib/types';
import { useSettings, useUpdateSettings } from '../api';

function SettingsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const f = useApiForm({
    initialValues: { password_policy: settings.password_policy },
    onSubmit: async (v) => {
      await update.mutateAsync({ password_policy: v.password_policy, version: settings.version });
      notifications.show({ color: 'green', title: 'Settings saved', message: 'The password policy applies to new passwords from now on.' });
    },
  });
  return (
    <ApiForm state={f} submitLabel="Save settings" aria-label="Settings">
      <Radio.Group label="Password policy" description="Applies whenever someone chooses a new password." {...f.form.getInputProps('password_policy')}>
        <Stack gap="xs" mt="xs">
          <Radio value="standard" label="Standard: 6 to 20 characters, with at least one letter and at least one digit or symbol" />
          <Radio value="strong" label="Strong: longer passwords with a mix of characters" />
        </Stack>
      </Radio.Group>
      <Text size="sm">
        An account locks after {settings.max_failed_logins} failed sign-ins in a row; an administrator can unlock it from the user’s page.
      </Text>
    </ApiForm>
  );
}

export function SettingsPage() {
  const q = useSettings();
  return (
    <Stack maw={640}>
      <PageTitle description="Settings for everyone in your organisation.">Settings</PageTitle>
      <Paper withBorder p="md" radius="md">
        {q.isPending && <Loader aria-label="Loading settings" />}
        {q.isError && (
          <Alert color="red" role="alert">
            {errorMessage(q.error)}
          </Alert>
        )}
        {q.data && <SettingsForm settings={q.data} key={q.data.version} />}
      </Paper>
    </Stack>
  );
}
