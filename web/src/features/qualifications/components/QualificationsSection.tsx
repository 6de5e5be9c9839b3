// The qualifications section of a learner's profile (manual 5.4), for their manager (on the
// learner's page) and for the learner (on their own profile): the table, adding and editing through
// QualificationForm, deleting, and completing or reopening the section. Read-only, with the reason,
// for whoever may not change them.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EmptyState } from '@/components/EmptyState';
import { errorMessage } from '@/lib/api-client';
import type { Learner } from '@/lib/types';
import { useDeleteQualification, useQualifications, useQualificationsSection, type QualificationsOwner } from '../api';
import type { Qualification } from '../types';
import { QualificationForm } from './QualificationForm';
import { QualificationsTable } from './QualificationsTable';

export interface QualificationsSectionProps {
  learner: Learner;
  /** true on the learner's own profile (the /me routes); false on a manager's view of the learner. */
  own: boolean;
  /** Staff only: whether the user holds learners.edit. Learners' rights come from the server. */
  canEdit?: boolean;
}

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; qualification: Qualification };

export function QualificationsSection({ learner, own, canEdit = false }: QualificationsSectionProps) {
  const owner: QualificationsOwner = own ? { own: true } : { own: false, learnerId: learner.id };
  const list = useQualifications(owner);
  const section = useQualificationsSection(owner);
  const remove = useDeleteQualification(owner);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [deleting, setDeleting] = useState<Qualification | null>(null);
  const words = own
    ? { complete: 'I have added all of my qualifications', reopen: 'Update my qualifications', start: 'Start adding your qualifications', none: 'You have not added any qualifications yet.' }
    : { complete: 'I have added all of their qualifications', reopen: 'Update their qualifications', start: 'Start adding qualifications', none: 'No qualifications have been added for this learner yet.' };

  if (list.isPending) return <Loader aria-label="Loading the qualifications" />;
  if (list.isError)
    return (
      <Alert color="red" role="alert" title="The qualifications could not be loaded">
        {errorMessage(list.error)}
      </Alert>
    );
  const { items, section: state, learner_may_add } = list.data;
  const complete = state === 'complete';
  const mayChange = own ? learner_may_add : canEdit;
  const open = mayChange && !complete;

  const setSection = async (next: boolean) => {
    try {
      await section.mutateAsync(next);
      setEditing({ mode: 'closed' });
      notifications.show({ color: 'green', title: next ? 'Qualifications complete' : 'Qualifications reopened', message: next ? 'The qualifications section is marked complete.' : 'You can add, change and delete qualifications again.' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) });
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      notifications.show({ color: 'green', title: 'Qualification deleted', message: `${deleting.type.label} ${deleting.subject.label} is deleted.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(e) });
    }
    setDeleting(null);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h3">
          Qualifications
        </Title>
        <Badge variant="light" color={complete ? 'green' : 'gray'} tt="none">
          {complete ? 'Complete' : 'Not complete'}
        </Badge>
      </Group>
      {own && !learner_may_add && (
        <Alert color="blue" title="Your learner manager adds your qualifications">
          You can see them here. If something is missing or wrong, tell your learner manager.
        </Alert>
      )}
      {!own && !learner_may_add && !complete && canEdit && <Text size="sm">This learner&apos;s qualifications are added by their learner manager, not by the learner.</Text>}
      {mayChange && complete && <Text size="sm">This section is marked complete. To add, change or delete a qualification, choose &ldquo;{words.reopen}&rdquo;.</Text>}

      {items.length === 0 ? (
        <EmptyState title="No qualifications yet">{words.none}</EmptyState>
      ) : (
        <QualificationsTable items={items} editable={open && editing.mode === 'closed'} onEdit={(q) => setEditing({ mode: 'edit', qualification: q })} onDelete={setDeleting} />
      )}

      {open && editing.mode !== 'closed' && (
        <QualificationForm
          key={editing.mode === 'edit' ? `edit-${editing.qualification.id}` : 'add'}
          owner={owner}
          editing={editing.mode === 'edit' ? editing.qualification : undefined}
          onCancel={() => setEditing({ mode: 'closed' })}
          onDone={(q) => {
            setEditing({ mode: 'closed' });
            notifications.show({ color: 'green', title: 'Qualification saved', message: `${q.type.label} ${q.subject.label} is saved.` });
          }}
          onSavedAnother={(q) => notifications.show({ color: 'green', title: 'Qualification saved', message: `${q.type.label} ${q.subject.label} is saved. Enter the next one.` })}
        />
      )}

      {mayChange && editing.mode === 'closed' && (
        <Group>
          {open && <Button onClick={() => setEditing({ mode: 'add' })}>{items.length === 0 ? words.start : 'Add a qualification'}</Button>}
          {open && (
            <Button variant="outline" color="green" onClick={() => setSection(true)} loading={section.isPending}>
              {words.complete}
            </Button>
          )}
          {complete && (
            <Button variant="outline" onClick={() => setSection(false)} loading={section.isPending}>
              {words.reopen}
            </Button>
          )}
        </Group>
      )}

      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete qualification" closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text>{deleting && `Delete ${deleting.type.label} ${deleting.subject.label}? This cannot be undone.`}</Text>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button color="red" onClick={confirmDelete} loading={remove.isPending}>
              Delete qualification
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
