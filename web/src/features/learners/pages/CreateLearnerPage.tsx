// Manual 5.1: create a learner; "Save" opens the new learner, "Create learner and add another"
// clears the form for the next one (keeping provider and year group).
import { useEffect, useRef } from 'react';
import { Alert, Anchor, Button, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import { PageTitle } from '@/components/PageTitle';
import { useMe } from '@/features/auth/api';
import { useCreateLearner } from '../api';
import { emptyLearnerValues, learnerRules, toCreateBody } from '../form';
import { learnerName } from '../components/LearnerActionDialogs';
import { LearnerFields } from '../components/LearnerFields';
import { useLearnerFormData } from '../components/useLearnerFormData';

export function CreateLearnerPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const data = useLearnerFormData();
  const create = useCreateLearner();
  const addAnother = useRef(false);
  const policy = me.data?.password_policy;

  const f = useApiForm({
    initialValues: emptyLearnerValues({ provider_id: params.get('provider_id') ?? '' }),
    validate: learnerRules('create', policy),
    onSubmit: async (values) => {
      const another = addAnother.current;
      const learner = await create.mutateAsync(toCreateBody(values));
      if (another) {
        f.form.setValues(emptyLearnerValues({ provider_id: values.provider_id, year_group: values.year_group }));
        f.form.resetDirty();
        f.form.clearErrors();
        notifications.show({
          color: 'green',
          title: 'Learner created',
          message: `${learnerName(learner)} (${learner.username}) is created. Enter the next learner.`,
        });
        window.setTimeout(() => f.formRef.current?.querySelector<HTMLInputElement>('input')?.focus(), 0);
      } else {
        notifications.show({ color: 'green', title: 'Learner created', message: `${learnerName(learner)} (${learner.username}) must change the password at first sign-in.` });
        navigate(`/learners/${learner.id}`);
      }
    },
  });

  // one provider: nothing to choose
  const onlyProvider = data.providers.length === 1 ? String(data.providers[0].id) : null;
  useEffect(() => {
    if (onlyProvider && !f.form.values.provider_id) f.form.setFieldValue('provider_id', onlyProvider);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [onlyProvider]);

  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/learners" size="sm">
        ← All learners
      </Anchor>
      <PageTitle description="The learner signs in with this username and password, and must choose a new password at first sign-in.">Create learner</PageTitle>
      {data.failed && (
        <Alert color="red" role="alert">
          Some choices (providers, year groups, genders or ethnic groups) could not be loaded. Reload the page to try again.
        </Alert>
      )}
      {!data.loading && data.providers.length === 0 && !data.failed && (
        <Alert color="orange" title="No provider to add learners to">
          Every learner belongs to a provider, and you have none. Ask an administrator to add one or give you a role at one.
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <ApiForm
          state={{
            ...f,
            // which button sent the form: "Save" or "Create learner and add another"
            handleSubmit: (e) => {
              addAnother.current = (e?.nativeEvent as SubmitEvent | undefined)?.submitter?.getAttribute('data-action') === 'another';
              f.handleSubmit(e);
            },
          }}
          submitLabel="Save"
          aria-label="Create learner"
          extraActions={
            <Button
              type="submit"
              variant="outline"
              data-action="another"
              disabled={f.submitting}
            >
              Create learner and add another
            </Button>
          }
        >
          <LearnerFields form={f.form} mode="create" policy={policy} providers={data.providers} yearGroups={data.yearGroups} genders={data.genders} ethnicities={data.ethnicities} />
        </ApiForm>
      </Paper>
    </Stack>
  );
}
