// A learner's reference on the manager's learner page (manual 5.5): the referee, the template,
// "Save reference details" (a draft, may be incomplete) and "Complete reference details" (checked
// in full by the server, recorded as the next version), reopening a completed reference, and the
// version history.
import { useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { errorMessage, isApiError } from '@/lib/api-client';
import { can, PERMISSIONS } from '@/lib/permissions';
import type { Learner, ReferenceItem } from '@/lib/types';
import { useMe } from '@/features/auth/api';
import { useRatingScale, useReference, useReopenReference, useSaveReference } from '../api';
import { FIELD_MAP, referenceRules, toBody, valuesFromReference } from '../form';
import type { Reference } from '../types';
import { RefereeBlock } from './RefereeBlock';
import { ReferenceFields } from './ReferenceFields';
import { ReferenceVersions } from './ReferenceVersions';

function ReferenceForm({ learnerId, reference, scale, canEdit, onReload }: { learnerId: number; reference: Reference; scale: ReferenceItem[]; canEdit: boolean; onReload: () => unknown }) {
  const save = useSaveReference(learnerId, false);
  const complete = useSaveReference(learnerId, true);
  const completing = useRef(false);
  const [conflict, setConflict] = useState(false);
  const closed = reference.state === 'complete';
  const editable = canEdit && !closed;
  const f = useApiForm({
    initialValues: valuesFromReference(reference),
    validate: referenceRules,
    fieldMap: FIELD_MAP,
    onSubmit: async (values) => {
      setConflict(false);
      const body = toBody(values, reference.version);
      try {
        const saved = await (completing.current ? complete : save).mutateAsync(body);
        notifications.show(
          completing.current
            ? { color: 'green', title: 'Reference complete', message: `Version ${saved.current_version} is recorded. New applications will use it.` }
            : { color: 'green', title: 'Reference saved', message: 'The reference details are saved. Complete them when you are ready.' },
        );
      } catch (e) {
        if (isApiError(e, 'version_conflict')) {
          setConflict(true);
          return;
        }
        throw e;
      }
    },
  });
  const fields = (
    <>
      <RefereeBlock form={f.form} defaultReferee={reference.default_referee} disabled={!editable} />
      <ReferenceFields form={f.form} scale={scale} disabled={!editable} />
    </>
  );
  return (
    <Stack>
      {conflict && (
        <Alert color="orange" role="alert" title="Someone else changed this reference — reload">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">Someone else saved this reference while you were editing. Reload to see their changes, then make yours again.</Text>
            <Button size="xs" onClick={() => onReload()}>
              Reload the reference
            </Button>
          </Stack>
        </Alert>
      )}
      {editable ? (
        <ApiForm
          state={{
            ...f,
            // which button sent the form: "Save reference details" or "Complete reference details"
            handleSubmit: (e) => {
              completing.current = (e?.nativeEvent as SubmitEvent | undefined)?.submitter?.getAttribute('data-action') === 'complete';
              f.handleSubmit(e);
            },
          }}
          submitLabel="Save reference details"
          aria-label="Reference"
          extraActions={
            <Button type="submit" variant="filled" color="green" data-action="complete" disabled={f.submitting}>
              Complete reference details
            </Button>
          }
        >
          {fields}
        </ApiForm>
      ) : (
        <Stack gap="md">{fields}</Stack>
      )}
    </Stack>
  );
}

export function ReferenceSection({ learner }: { learner: Learner }) {
  const me = useMe();
  const canEdit = can(me.data?.permissions, PERMISSIONS.learnersEdit);
  const q = useReference(learner.id);
  const scale = useRatingScale();
  const reopen = useReopenReference(learner.id);

  let body;
  if (q.isPending || scale.isPending) body = <Loader size="sm" aria-label="Loading the reference" />;
  else if (q.isError || scale.isError)
    body = (
      <Alert color="red" role="alert">
        {errorMessage(q.error ?? scale.error)}
      </Alert>
    );
  else {
    const r = q.data;
    body = (
      <Stack>
        {r.state === 'complete' && (
          <Alert color="green" title={`The reference is complete${r.current_version ? ` (version ${r.current_version})` : ''}`}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">To change it, reopen it. Your changes will apply to new applications only, once you complete it again.</Text>
              {canEdit && (
                <Button size="xs" variant="outline" loading={reopen.isPending} onClick={() => reopen.mutate(undefined, { onError: (e) => notifications.show({ color: 'red', title: 'Not reopened', message: errorMessage(e) }) })}>
                  Reopen the reference
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <ReferenceForm key={`${r.version}-${r.state}`} learnerId={learner.id} reference={r} scale={scale.data} canEdit={canEdit} onReload={() => q.refetch()} />
        <ReferenceVersions learnerId={learner.id} />
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h3">
          Reference
        </Title>
      </Group>
      {body}
    </Stack>
  );
}
