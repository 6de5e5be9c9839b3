// Rename and delete for the groups list and the group page alike: `useGroupActions()` gives the
// triggers and one set of dialogs to render (a delete says how many learners stay behind).
import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { errorMessage } from '@/lib/api-client';
import type { LearnerGroup } from '@/lib/types';
import { useDeleteGroup, useRenameGroup } from '../api';

type Dialog = { kind: 'rename'; group: LearnerGroup } | { kind: 'delete'; group: LearnerGroup } | null;

export function membersText(n: number): string {
  return n === 1 ? '1 learner' : `${n} learners`;
}

function RenameForm({ group, onDone }: { group: LearnerGroup; onDone: () => void }) {
  const rename = useRenameGroup();
  const f = useApiForm({
    initialValues: { name: group.name },
    validate: { name: (v) => (String(v).trim() ? null : 'Enter the name of the group.') },
    onSubmit: async ({ name }) => {
      // A 409 (someone renamed it meanwhile) shows at the top of the form, saying to reload.
      await rename.mutateAsync({ id: group.id, name: name.trim(), version: group.version });
      notifications.show({ color: 'green', title: 'Group renamed', message: `The group is now called ${name.trim()}.` });
      onDone();
    },
  });
  return (
    <ApiForm state={f} submitLabel="Save name" aria-label="Rename group">
      <TextInput label="Name" required data-autofocus {...f.form.getInputProps('name')} />
    </ApiForm>
  );
}

export interface GroupActions {
  askRename: (g: LearnerGroup) => void;
  askDelete: (g: LearnerGroup) => void;
  dialogs: ReactNode;
}

export function useGroupActions({ onDeleted }: { onDeleted?: (g: LearnerGroup) => void } = {}): GroupActions {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = useDeleteGroup();
  const close = () => {
    setDialog(null);
    setError(null);
  };

  async function doDelete(g: LearnerGroup) {
    setError(null);
    try {
      await remove.mutateAsync(g.id);
      close();
      notifications.show({ color: 'green', title: 'Group deleted', message: `${g.name} is deleted; its learners are not.` });
      onDeleted?.(g);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const dialogs = (
    <>
      <Modal opened={dialog?.kind === 'rename'} onClose={close} title="Rename group" closeButtonProps={{ 'aria-label': 'Close' }}>
        {dialog?.kind === 'rename' && <RenameForm group={dialog.group} onDone={close} />}
      </Modal>
      <Modal opened={dialog?.kind === 'delete'} onClose={close} title="Delete group" closeButtonProps={{ 'aria-label': 'Close' }}>
        {dialog?.kind === 'delete' && (
          <Stack>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Text>
              Delete <strong>{dialog.group.name}</strong> at {dialog.group.provider_name}? It has {membersText(dialog.group.members)}. They stay on the system and keep their other
              groups; only this group goes.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                Cancel
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => doDelete(dialog.group)}>
                Delete group
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );

  return {
    askRename: (g) => setDialog({ kind: 'rename', group: g }),
    askDelete: (g) => {
      setError(null);
      setDialog({ kind: 'delete', group: g });
    },
    dialogs,
  };
}
