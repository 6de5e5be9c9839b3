// Reset password, unlock and delete, with their confirmations, for the list rows and the learner's
// page alike: `useLearnerActions()` gives the triggers and one set of dialogs to render.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '@/lib/api-client';
import { fullName } from '@/lib/format';
import type { Learner } from '@/lib/types';
import { useDeleteLearner, useResetLearnerPassword, useUnlockLearner } from '../api';

type Who = Pick<Learner, 'id' | 'username' | 'first_name' | 'last_name'>;

type Dialog = { kind: 'reset'; learner: Who } | { kind: 'password'; learner: Who; password: string } | { kind: 'delete'; learner: Who } | null;

export function learnerName(l: Pick<Learner, 'username' | 'first_name' | 'last_name'>): string {
  return fullName(l) || l.username;
}

export interface LearnerActions {
  askReset: (l: Who) => void;
  askDelete: (l: Who) => void;
  unlock: (l: Who) => Promise<void>;
  unlocking: number | null;
  dialogs: ReactNode;
}

export function useLearnerActions({ onDeleted }: { onDeleted?: (l: Who) => void } = {}): LearnerActions {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = useResetLearnerPassword();
  const remove = useDeleteLearner();
  const unlockM = useUnlockLearner();

  const close = () => {
    setDialog(null);
    setError(null);
  };

  async function doReset(l: Who) {
    setError(null);
    try {
      const r = await reset.mutateAsync(l.id);
      setDialog({ kind: 'password', learner: l, password: r.password });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function doDelete(l: Who) {
    setError(null);
    try {
      await remove.mutateAsync(l.id);
      close();
      notifications.show({ color: 'green', title: 'Learner deleted', message: `${learnerName(l)} (${l.username}) is deleted.` });
      onDeleted?.(l);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function unlock(l: Who) {
    try {
      await unlockM.mutateAsync(l.id);
      notifications.show({ color: 'green', title: 'Learner unlocked', message: `${learnerName(l)} can sign in again.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not unlock', message: errorMessage(e) });
    }
  }

  const problem = error && (
    <Alert color="red" role="alert">
      {error}
    </Alert>
  );

  const dialogs = (
    <>
      <Modal opened={dialog?.kind === 'reset'} onClose={close} title="Reset password" closeButtonProps={{ 'aria-label': 'Close' }}>
        {dialog?.kind === 'reset' && (
          <Stack>
            {problem}
            <Text>
              Reset the password of <strong>{learnerName(dialog.learner)}</strong> ({dialog.learner.username})? Their current password stops working. You will see a new
              one-time password to give them; they must change it when they next sign in.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                Cancel
              </Button>
              <Button color="orange" loading={reset.isPending} onClick={() => doReset(dialog.learner)}>
                Reset password
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'password'} onClose={close} title="New one-time password" closeButtonProps={{ 'aria-label': 'Close' }}>
        {dialog?.kind === 'password' && (
          <Stack>
            <Text>
              The new password of <strong>{learnerName(dialog.learner)}</strong> ({dialog.learner.username}) is:
            </Text>
            <Code block fz="xl" data-testid="one-time-password">
              {dialog.password}
            </Code>
            <Text size="sm">It is shown only now. Give it to the learner safely; they must change it when they first sign in.</Text>
            <Group justify="flex-end">
              <CopyButton value={dialog.password}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy} aria-live="polite">
                    {copied ? 'Copied' : 'Copy password'}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={close} data-autofocus>
                Done
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'delete'} onClose={close} title="Delete learner" closeButtonProps={{ 'aria-label': 'Close' }}>
        {dialog?.kind === 'delete' && (
          <Stack>
            {problem}
            <Text>
              Delete <strong>{learnerName(dialog.learner)}</strong> ({dialog.learner.username})? They will no longer be able to sign in and will disappear from your lists. The
              deletion is recorded in the audit log.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                Cancel
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => doDelete(dialog.learner)}>
                Delete learner
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );

  return {
    askReset: (l) => {
      setError(null);
      setDialog({ kind: 'reset', learner: l });
    },
    askDelete: (l) => {
      setError(null);
      setDialog({ kind: 'delete', learner: l });
    },
    unlock,
    unlocking: unlockM.isPending ? (unlockM.variables ?? null) : null,
    dialogs,
  };
}
