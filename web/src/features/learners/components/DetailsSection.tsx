// One details section of a profile (key information or additional information): its fields, "Save"
// and, separately, "Mark as complete". A completed section is read-only until "Update my personal
// information" reopens it (manual 5.2 f–g); a stale version says someone else saved first.
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { errorMessage, isApiError } from '@/lib/api-client';
import type { Learner } from '@/lib/types';
import { learnerRules, toPatchBody, valuesFromLearner } from '../form';
import { useSetSection, useUpdateProfile, type ProfileOwner } from '../profile-api';
import { LearnerFields, type LearnerFieldPart } from './LearnerFields';
import { useLearnerFormData } from './useLearnerFormData';

export const CONFLICT_MESSAGE = 'Someone else changed this learner while you were editing. Reload to see their changes, then make yours again.';

export interface DetailsSectionProps {
  learner: Learner;
  owner: ProfileOwner;
  section: 'key_information' | 'additional_information';
  parts: readonly LearnerFieldPart[];
  canEdit: boolean;
  onReload: () => Promise<unknown>;
}

export function DetailsSection({ learner, owner, section, parts, canEdit, onReload }: DetailsSectionProps) {
  const update = useUpdateProfile(owner);
  const setSection = useSetSection(owner);
  const data = useLearnerFormData();
  const [conflict, setConflict] = useState(false);
  const [sectionError, setSectionError] = useState<string | null>(null);
  const complete = learner.sections[section] === 'complete';
  const self = owner.kind === 'self';
  const f = useApiForm({
    initialValues: valuesFromLearner(learner),
    validate: learnerRules('edit'),
    onSubmit: async (values) => {
      setConflict(false);
      const body = toPatchBody(values, learner);
      if (Object.keys(body).length === 1) {
        notifications.show({ color: 'blue', title: 'Nothing to save', message: 'No field has changed.' });
        return;
      }
      try {
        await update.mutateAsync(body);
      } catch (e) {
        if (isApiError(e) && e.status === 409 && e.code === 'version_conflict') {
          setConflict(true);
          return;
        }
        throw e;
      }
      notifications.show({ color: 'green', title: 'Saved', message: 'Your changes are saved.' });
    },
  });
  const dirty = Object.keys(toPatchBody(f.form.values, learner)).length > 1;

  const changeSection = async (markComplete: boolean) => {
    setSectionError(null);
    try {
      await setSection.mutateAsync({ section, complete: markComplete });
    } catch (e) {
      setSectionError(errorMessage(e));
    }
  };

  const editable = canEdit && !complete;
  const fields = (
    <LearnerFields
      form={f.form}
      mode="edit"
      parts={parts}
      ownProfile={self}
      providers={data.providers}
      yearGroups={data.yearGroups}
      genders={data.genders}
      ethnicities={data.ethnicities}
      disabled={!editable}
    />
  );
  return (
    <Stack>
      {conflict && (
        <Alert color="orange" role="alert" title="Someone else changed this learner — reload">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{CONFLICT_MESSAGE}</Text>
            <Button size="xs" onClick={() => onReload()}>
              Reload the learner
            </Button>
          </Stack>
        </Alert>
      )}
      {sectionError && (
        <Alert color="red" role="alert">
          {sectionError}
        </Alert>
      )}
      {complete && (
        <Alert color="green" title="This section is complete">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {canEdit ? 'To change anything here, choose “Update my personal information”, make the changes, save them, then mark the section complete again.' : 'Nothing here can be changed.'}
              {self && learner.approval === 'approved' && ' Changing your profile withdraws its approval until your learner manager approves it again.'}
            </Text>
            {canEdit && (
              <Button variant="default" size="xs" onClick={() => changeSection(false)} loading={setSection.isPending}>
                Update my personal information
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {editable ? (
        <ApiForm
          state={f}
          submitLabel="Save"
          aria-label={section === 'key_information' ? 'Key information' : 'Additional information'}
          extraActions={
            <Button variant="outline" color="green" onClick={() => changeSection(true)} loading={setSection.isPending} disabled={dirty}>
              Mark as complete
            </Button>
          }
        >
          {fields}
          {dirty && (
            <Text size="sm" c="gray.7">
              Save your changes before you mark this section complete.
            </Text>
          )}
        </ApiForm>
      ) : (
        fields
      )}
      {!canEdit && !complete && (
        <Group>
          <Text size="sm">You can read this section but not change it.</Text>
        </Group>
      )}
    </Stack>
  );
}
